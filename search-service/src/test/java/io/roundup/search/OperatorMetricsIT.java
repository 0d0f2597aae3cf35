package io.roundup.search;

import static io.roundup.search.Events.content;
import static io.roundup.search.Events.id;
import static io.roundup.search.Events.published;
import static io.roundup.search.Events.word;
import static io.roundup.search.SearchApi.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.roundup.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The series an operator watches on {@code /actuator/prometheus} move when work happens: an indexed event adds to the
 * publish-to-searchable histogram, a poison event to the dead letters, and the consumers report their lag per
 * partition.
 */
class OperatorMetricsIT extends SearchServiceHarness {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void indexingDeadLettersAndLagShowOnPrometheus() throws Exception {
        double searchableBefore = value("roundup_search_publish_to_searchable_seconds_count", "roundup.articles");
        double deadBefore = value("roundup_search_dead_letters_total", "roundup.articles");

        events.sendRaw(Topics.ARTICLES, id(), "roundup.article.v99", "{}".getBytes(StandardCharsets.UTF_8), null);
        String word = word();
        String good = id();
        events.send(published(
                good, 1, Instant.now(), content("Metrics " + word, "s", "c", List.of(), "a", "b", List.of())));
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(ids(api.search("q", word))).containsExactly(good));

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(value("roundup_search_publish_to_searchable_seconds_count", "roundup.articles"))
                    .isGreaterThan(searchableBefore);
            assertThat(value("roundup_search_dead_letters_total", "roundup.articles"))
                    .isGreaterThan(deadBefore);
        });
        String metrics = prometheus();
        assertThat(metrics).contains("roundup_search_publish_to_searchable_seconds_bucket{");
        assertThat(metrics).containsPattern("kafka_consumer_fetch_manager_records_lag\\{[^}]*partition=\"0\"");
        assertThat(metrics).containsPattern("resilience4j_circuitbreaker_state\\{[^}]*name=\"elasticsearch-reads\"");
    }

    private String prometheus() throws Exception {
        return mvc.perform(get("/actuator/prometheus"))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    /** The value of a series with the given topic tag, 0 when it does not exist yet. */
    private double value(String series, String topic) throws Exception {
        Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(series) + "\\{[^}]*topic=\"" + Pattern.quote(topic)
                        + "\"[^}]*} (\\S+)$")
                .matcher(prometheus());
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
