package io.roundup.search;

import static io.roundup.search.Events.content;
import static io.roundup.search.Events.id;
import static io.roundup.search.Events.product;
import static io.roundup.search.Events.published;
import static io.roundup.search.Events.withStatus;
import static io.roundup.search.Events.word;
import static io.roundup.search.SearchApi.firstPrice;
import static io.roundup.support.testing.TestTokens.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.json.JsonData;
import io.roundup.events.ArticleChanged;
import io.roundup.events.ArticleStatus;
import io.roundup.events.Topics;
import io.roundup.search.indices.SearchIndices;
import io.roundup.search.reindex.OutdatedIndices;
import io.roundup.search.reindex.ReindexJob;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;

/**
 * A reindex rebuilds both indices from the topics, moves both aliases to the new versions and keeps everything:
 * content, prices and tombstones; searches answer throughout; a rebuild that comes out short is never switched to.
 */
@ExtendWith(OutputCaptureExtension.class)
class ReindexIT extends SearchServiceHarness {

    static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    ElasticsearchClient elasticsearch;

    @Autowired
    SearchIndices indices;

    @Autowired
    OutdatedIndices outdated;

    @Test
    void aReindexMovesTheAliasesAndKeepsEveryDocument() throws Exception {
        String word = word();
        String productId = id();
        String kept = id();
        String gone = id();
        events.send(product(productId, 1, "Reindexed lamp", "gear", "42.00"));
        events.send(published(
                kept, 1, Instant.now(), content("Kept " + word, "s", "c", List.of(), "a", "b", List.of(productId))));
        ArticleChanged goneFirst =
                published(gone, 1, Instant.now(), content("Gone " + word, "s", "c", List.of(), "a", "b", List.of()));
        events.send(goneFirst);
        events.send(withStatus(gone, 2, ArticleStatus.UNPUBLISHED));
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode results = api.search("q", word);
            assertThat(SearchApi.ids(results)).containsExactly(kept);
            assertThat(firstPrice(results)).isEqualTo("42.00");
        });
        String reviewsBefore = physical(SearchIndices.REVIEWS);
        String productsBefore = physical(SearchIndices.PRODUCTS);

        MockHttpServletResponse started = mvc.perform(
                        post("/api/search/reindex").with(admin()))
                .andReturn()
                .getResponse();
        assertThat(started.getStatus()).isEqualTo(202);
        String location = started.getHeader("Location");
        await().atMost(PATIENCE)
                .untilAsserted(() ->
                        assertThat(job(location).path("status").asString()).isEqualTo("SUCCEEDED"));

        JsonNode job = job(location);
        String reviewsAfter = physical(SearchIndices.REVIEWS);
        String productsAfter = physical(SearchIndices.PRODUCTS);
        assertThat(reviewsAfter)
                .isNotEqualTo(reviewsBefore)
                .isEqualTo(job.path("indices").path("reviews").asString());
        assertThat(productsAfter)
                .isNotEqualTo(productsBefore)
                .isEqualTo(job.path("indices").path("products").asString());
        assertThat(job.path("replayed").path("roundup.articles").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(job.path("replayed").path("roundup.products").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(job.path("documents").path("reviews").asLong())
                .isGreaterThanOrEqualTo(
                        job.path("liveDocuments").path("reviews").asLong())
                .isGreaterThanOrEqualTo(2);
        assertThat(job.has("phase")).isFalse();
        assertThat(job.path("toRead"))
                .as("a finished job's progress is whole: toRead is what was replayed, per topic")
                .isEqualTo(job.path("replayed"));
        long replayed = job.path("replayed").path("roundup.articles").asLong()
                + job.path("replayed").path("roundup.products").asLong();
        assertThat(gauge("roundup_search_reindex_events_replayed")).isEqualTo(replayed);
        assertThat(gauge("roundup_search_reindex_events_to_read")).isEqualTo(replayed);
        assertThat(gauge("roundup_search_reindex_progress")).isEqualTo(1.0);
        assertThat(gauge("roundup_search_reindex_state", "succeeded")).isEqualTo(1.0);
        assertThat(gauge("roundup_search_reindex_state", "running")).isZero();
        assertThat(elasticsearch.indices().exists(e -> e.index(reviewsBefore)).value())
                .isFalse();
        assertThat(elasticsearch.indices().exists(e -> e.index(productsBefore)).value())
                .isFalse();

        JsonNode results = api.search("q", word);
        assertThat(SearchApi.ids(results)).containsExactly(kept);
        assertThat(firstPrice(results)).isEqualTo("42.00");

        RecordMetadata replay = events.send(goneFirst);
        await().atMost(PATIENCE).until(() -> events.consumed(replay));
        assertThat(SearchApi.ids(api.search("q", word))).containsExactly(kept);

        events.send(product(productId, 2, "Reindexed lamp", "gear", "39.00"));
        await().atMost(PATIENCE)
                .untilAsserted(
                        () -> assertThat(firstPrice(api.search("q", word))).isEqualTo("39.00"));
    }

    @Test
    void theNewVersionsAreBuiltFromTheTopicsNotCopiedFromTheLiveIndex() throws Exception {
        String word = word();
        String id = id();
        RecordMetadata sent = events.send(
                published(id, 1, Instant.now(), content("Replayed " + word, "s", "c", List.of(), "a", "b", List.of())));
        await().atMost(PATIENCE)
                .untilAsserted(
                        () -> assertThat(SearchApi.ids(api.search("q", word))).containsExactly(id));
        // The live index loses the document (an operator's mistake, a restore from an old snapshot…).
        elasticsearch.delete(d -> d.index(SearchIndices.REVIEWS).id(id).refresh(Refresh.True));
        assertThat(SearchApi.ids(api.search("q", word))).isEmpty();

        JsonNode job = reindexAndWait();

        assertThat(job.path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(SearchApi.ids(api.search("q", word))).containsExactly(id);
        assertThat(events.consumed(sent)).isTrue();
    }

    @Test
    void aRebuildThatComesOutShortIsNotSwitchedTo() throws Exception {
        String reviewsBefore = physical(SearchIndices.REVIEWS);
        String productsBefore = physical(SearchIndices.PRODUCTS);
        // A document no event stands behind: as if the topics had lost the article it came from.
        String orphan = id();
        elasticsearch.index(i -> i.index(SearchIndices.REVIEWS)
                .id(orphan)
                .version(1L)
                .versionType(VersionType.External)
                .document(Map.of("id", orphan, "revision", 1, "status", "UNPUBLISHED"))
                .refresh(Refresh.True));
        try {
            JsonNode job = reindexAndWait();

            assertThat(job.path("status").asString()).isEqualTo("FAILED");
            assertThat(job.path("error").asString()).contains("holds").contains("the aliases stay");
            assertThat(job.path("liveDocuments").path("reviews").asLong())
                    .isGreaterThan(job.path("documents").path("reviews").asLong());
            assertThat(physical(SearchIndices.REVIEWS)).isEqualTo(reviewsBefore);
            assertThat(physical(SearchIndices.PRODUCTS)).isEqualTo(productsBefore);
            String abandoned = job.path("indices").path("reviews").asString();
            assertThat(elasticsearch.indices().exists(e -> e.index(abandoned)).value())
                    .isFalse();
        } finally {
            elasticsearch.delete(d -> d.index(SearchIndices.REVIEWS).id(orphan).refresh(Refresh.True));
        }
        assertThat(reindexAndWait().path("status").asString()).isEqualTo("SUCCEEDED");
    }

    @Test
    void searchesKeepAnsweringWhileAReindexRuns() throws Exception {
        String word = word();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = id();
            ids.add(id);
            events.send(published(
                    id, 1, Instant.now(), content("Loop " + word + " " + i, "s", "c", List.of(), "a", "b", List.of())));
        }
        await().atMost(PATIENCE)
                .untilAsserted(() ->
                        assertThat(SearchApi.ids(api.search("q", word))).containsExactlyInAnyOrderElementsOf(ids));

        AtomicBoolean reindexing = new AtomicBoolean(true);
        AtomicInteger searches = new AtomicInteger();
        AtomicInteger duringReindex = new AtomicInteger();
        List<String> failures = new CopyOnWriteArrayList<>();
        Thread loop = new Thread(
                () -> {
                    while (reindexing.get()) {
                        try {
                            List<String> found = SearchApi.ids(api.search("q", word));
                            if (!found.containsAll(ids)) {
                                failures.add("search " + searches.get() + " found " + found);
                            }
                        } catch (RuntimeException | AssertionError ex) {
                            failures.add("search " + searches.get() + " failed: " + ex.getMessage());
                        }
                        searches.incrementAndGet();
                    }
                },
                "query-loop");
        loop.start();
        try {
            String location = startReindex();
            String late = id();
            events.send(published(
                    late,
                    1,
                    Instant.now(),
                    content("Loop " + word + " late", "s", "c", List.of(), "a", "b", List.of())));
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> {
                JsonNode job = job(location);
                if ("RUNNING".equals(job.path("status").asString())) {
                    duringReindex.incrementAndGet();
                }
                assertThat(job.path("status").asString()).isEqualTo("SUCCEEDED");
            });
            ids.add(late);
            await().atMost(PATIENCE)
                    .untilAsserted(() ->
                            assertThat(SearchApi.ids(api.search("q", word))).containsExactlyInAnyOrderElementsOf(ids));
        } finally {
            reindexing.set(false);
            loop.join();
        }
        assertThat(failures).isEmpty();
        assertThat(duringReindex.get()).as("job polls while it ran").isPositive();
        assertThat(searches.get()).isGreaterThan(10);
    }

    @Test
    void anIndexCreatedFromAnOlderDefinitionIsRebuiltWithoutBeingAsked() throws Exception {
        assertThat(outdated.reindexIfOutdated())
                .as("the indices the service created are current")
                .isEmpty();
        String before = physical(SearchIndices.REVIEWS);
        // As an index created by an older version of the service would be: another fingerprint of its definition.
        elasticsearch
                .indices()
                .putMapping(m -> m.index(SearchIndices.REVIEWS).meta("definition", JsonData.of("an older definition")));

        ReindexJob job = outdated.reindexIfOutdated().orElseThrow();

        String location = "/api/search/reindex/" + job.id();
        await().atMost(PATIENCE)
                .untilAsserted(() ->
                        assertThat(job(location).path("status").asString()).isEqualTo("SUCCEEDED"));
        assertThat(physical(SearchIndices.REVIEWS)).isNotEqualTo(before);
        assertThat(outdated.reindexIfOutdated()).isEmpty();
    }

    @Test
    void aReindexAskedForWhileOneRunsIsQueuedOnceAndEveryJobStaysReadable() throws Exception {
        JsonNode first = SearchApi.json(mvc.perform(post("/api/search/reindex").with(admin()))
                .andReturn()
                .getResponse());
        JsonNode second = SearchApi.json(mvc.perform(post("/api/search/reindex").with(admin()))
                .andReturn()
                .getResponse());
        JsonNode third = SearchApi.json(mvc.perform(post("/api/search/reindex").with(admin()))
                .andReturn()
                .getResponse());

        assertThat(first.path("status").asString()).isEqualTo("RUNNING");
        assertThat(second.path("status").asString()).isEqualTo("QUEUED");
        assertThat(third.path("id").asString()).isEqualTo(second.path("id").asString());
        for (JsonNode job : List.of(first, second)) {
            String location = "/api/search/reindex/" + job.path("id").asString();
            await().atMost(PATIENCE)
                    .untilAsserted(() ->
                            assertThat(job(location).path("status").asString()).isEqualTo("SUCCEEDED"));
        }
        assertThat(job("/api/search/reindex/" + first.path("id").asString())
                        .path("status")
                        .asString())
                .isEqualTo("SUCCEEDED");
    }

    @Test
    void theEventTopicsKeepTheLatestEventOfEveryEntityForGood() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            for (String topic : List.of(Topics.ARTICLES, Topics.PRODUCTS)) {
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
                Config config =
                        admin.describeConfigs(List.of(resource)).all().get().get(resource);
                assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value())
                        .as(topic)
                        .isEqualTo("compact");
            }
        }
    }

    @Test
    void whileTheNextVersionIsBuiltEveryWriteIsRepeatedThere() throws Exception {
        String next = "reviews-mirror-" + word();
        indices.createVersion(SearchIndices.REVIEWS, next);
        String id = id();
        indices.mirrorWrites(SearchIndices.REVIEWS, next);
        try {
            RecordMetadata sent = events.send(published(
                    id, 3, Instant.now(), content("Mirrored " + word(), "s", "c", List.of(), "a", "b", List.of())));
            await().atMost(PATIENCE).until(() -> events.consumed(sent));
        } finally {
            indices.stopMirroring(SearchIndices.REVIEWS);
        }

        var copy = elasticsearch.get(g -> g.index(next).id(id), JsonNode.class);
        assertThat(copy.found()).isTrue();
        assertThat(copy.version()).isEqualTo(3);
        elasticsearch.indices().delete(d -> d.index(next));
    }

    /** A series' value on {@code /actuator/prometheus}. */
    private double gauge(String series) throws Exception {
        return gauge(series, null);
    }

    /** A series' value on {@code /actuator/prometheus}, the one tagged with {@code state} when that is given. */
    private double gauge(String series, String state) throws Exception {
        String metrics = mvc.perform(get("/actuator/prometheus"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String tags = state == null ? "(\\{[^}]*})?" : "\\{[^}]*state=\"" + state + "\"[^}]*}";
        Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(series) + tags + " (\\S+)$")
                .matcher(metrics);
        assertThat(matcher.find()).as(series + " on /actuator/prometheus").isTrue();
        return Double.parseDouble(matcher.group(matcher.groupCount()));
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

    private String startReindex() throws Exception {
        MockHttpServletResponse started = mvc.perform(
                        post("/api/search/reindex").with(admin()))
                .andReturn()
                .getResponse();
        assertThat(started.getStatus()).isEqualTo(202);
        return started.getHeader("Location");
    }

    /** Starts a reindex and waits for it to end, however it ends. */
    private JsonNode reindexAndWait() throws Exception {
        String location = startReindex();
        await().atMost(PATIENCE)
                .until(() -> !job(location).path("status").asString().matches("QUEUED|RUNNING"));
        return job(location);
    }

    private JsonNode job(String location) throws Exception {
        return SearchApi.json(
                mvc.perform(get(location).with(admin())).andReturn().getResponse());
    }
}
