package io.roundup.search;

import static io.roundup.support.testing.TestTokens.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.JsonData;
import io.roundup.search.indices.SearchIndices;
import io.roundup.search.reindex.OutdatedIndices;
import io.roundup.search.reindex.ReindexJob;
import io.roundup.support.testing.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Two copies of search-service on one Kafka and one Elasticsearch, as operators run them: the test's own context and a
 * second one started beside it. A reindex asked for on both at once runs once (the other request queues the one job
 * that follows it, as on a single copy), each job is read alike from both copies, and the start-up check of an
 * outdated index that every copy makes rebuilds it on one copy only.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReindexAcrossCopiesIT extends SearchServiceHarness {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @Autowired
    ElasticsearchClient elasticsearch;

    @Autowired
    OutdatedIndices outdated;

    @Value("${spring.elasticsearch.uris}")
    String elasticsearchUris;

    private ConfigurableApplicationContext secondCopy;
    private MockMvc second;

    @BeforeAll
    void startSecondCopy() {
        // command-line arguments, since they outrank application.yml as the environment variables of a real copy do
        secondCopy = new SpringApplicationBuilder(SearchServiceApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.elasticsearch.uris=" + elasticsearchUris,
                        "--spring.kafka.bootstrap-servers=" + brokers,
                        "--spring.cloud.stream.kafka.binder.brokers=" + brokers,
                        "--" + TestTokens.JWK_SET_URI + "=" + TestTokens.NO_KEY_SET,
                        "--logging.level.org.apache.kafka=warn");
        second = MockMvcBuilders.webAppContextSetup((WebApplicationContext) secondCopy)
                .apply(springSecurity())
                .build();
    }

    @AfterAll
    void stopSecondCopy() {
        if (secondCopy != null) {
            secondCopy.close();
        }
    }

    @Test
    void aReindexAskedForOnTwoCopiesAtOnceRunsOnceAndBothCopiesReadItAlike(CapturedOutput output) throws Exception {
        String before = physical(SearchIndices.REVIEWS);

        List<JsonNode> answers = atOnce(() -> reindex(mvc), () -> reindex(second));

        assertThat(answers)
                .extracting(answer -> answer.path("status").asString())
                .containsExactlyInAnyOrder("RUNNING", "QUEUED");
        JsonNode running = answers.stream()
                .filter(a -> a.path("status").asString().equals("RUNNING"))
                .findFirst()
                .orElseThrow();
        JsonNode queued = answers.stream()
                .filter(a -> a.path("status").asString().equals("QUEUED"))
                .findFirst()
                .orElseThrow();
        for (JsonNode job : answers) {
            await().atMost(PATIENCE)
                    .untilAsserted(() ->
                            assertThat(job(mvc, job).path("status").asString()).isEqualTo("SUCCEEDED"));
            assertThat(job(second, job)).as("the same job on the other copy").isEqualTo(job(mvc, job));
        }
        Instant firstEnded = Instant.parse(job(mvc, running).path("finishedAt").asString());
        Instant nextStarted =
                Instant.parse(job(second, queued).path("startedAt").asString());
        assertThat(nextStarted)
                .as("the queued job started after the first ended")
                .isAfterOrEqualTo(firstEnded);
        for (JsonNode job : answers) {
            assertThat(occurrences(output, "Reindex " + job.path("id").asString() + " started"))
                    .as("job %s ran on one copy, once", job.path("id").asString())
                    .isEqualTo(1);
        }
        assertThat(SearchIndices.versionOf(physical(SearchIndices.REVIEWS)))
                .as("two jobs, one after the other: two new versions")
                .isEqualTo(SearchIndices.versionOf(before) + 2);
    }

    @Test
    void theStartUpCheckOfAnOutdatedIndexRebuildsItOnOneCopyOnly(CapturedOutput output) throws Exception {
        OutdatedIndices onSecond = secondCopy.getBean(OutdatedIndices.class);
        String before = physical(SearchIndices.REVIEWS);
        // As an index created by an older version of the service would be: another fingerprint of its definition.
        elasticsearch
                .indices()
                .putMapping(m -> m.index(SearchIndices.REVIEWS).meta("definition", JsonData.of("an older definition")));

        List<Optional<ReindexJob>> checks = atOnce(outdated::reindexIfOutdated, onSecond::reindexIfOutdated);

        List<ReindexJob> started = checks.stream().flatMap(Optional::stream).toList();
        assertThat(started).as("one copy rebuilds, the other sees its job").hasSize(1);
        String id = started.getFirst().id();
        await().atMost(PATIENCE)
                .untilAsserted(() ->
                        assertThat(job(second, id).path("status").asString()).isEqualTo("SUCCEEDED"));
        assertThat(occurrences(output, "Reindex " + id + " started")).isEqualTo(1);
        assertThat(SearchIndices.versionOf(physical(SearchIndices.REVIEWS)))
                .isEqualTo(SearchIndices.versionOf(before) + 1);
        assertThat(outdated.reindexIfOutdated()).isEmpty();
        assertThat(onSecond.reindexIfOutdated()).isEmpty();
    }

    private static <T> List<T> atOnce(Callable<T> one, Callable<T> other) throws Exception {
        CountDownLatch ready = new CountDownLatch(2);
        CompletableFuture<T> first = CompletableFuture.supplyAsync(() -> call(ready, one));
        CompletableFuture<T> second = CompletableFuture.supplyAsync(() -> call(ready, other));
        return List.of(first.get(60, TimeUnit.SECONDS), second.get(60, TimeUnit.SECONDS));
    }

    private static <T> T call(CountDownLatch ready, Callable<T> call) {
        try {
            ready.countDown();
            ready.await(10, TimeUnit.SECONDS);
            return call.call();
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static JsonNode reindex(MockMvc copy) throws Exception {
        MockHttpServletResponse response = copy.perform(
                        post("/api/search/reindex").with(admin()))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(202);
        return SearchApi.json(response);
    }

    private static JsonNode job(MockMvc copy, JsonNode job) throws Exception {
        return job(copy, job.path("id").asString());
    }

    private static JsonNode job(MockMvc copy, String id) throws Exception {
        MockHttpServletResponse response = copy.perform(
                        get("/api/search/reindex/" + id).with(admin()))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return SearchApi.json(response);
    }

    private static long occurrences(CapturedOutput output, String text) {
        return Pattern.compile(Pattern.quote(text))
                .matcher(output.getAll())
                .results()
                .count();
    }

    private String physical(String alias) throws Exception {
        return elasticsearch
                .indices()
                .getAlias(g -> g.name(alias))
                .aliases()
                .keySet()
                .iterator()
                .next();
    }
}
