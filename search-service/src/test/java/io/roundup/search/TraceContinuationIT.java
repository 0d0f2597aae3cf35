package io.roundup.search;

import static io.roundup.search.Events.content;
import static io.roundup.search.Events.id;
import static io.roundup.search.Events.published;
import static io.roundup.search.Events.word;
import static io.roundup.search.SearchApi.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A record that carries a W3C {@code traceparent} (the relay of article- and product-service puts the saving request's
 * trace there) is indexed in that trace: the lines its indexing logs carry the trace id beside the request id, and the
 * bulk that wrote it is observed.
 */
@ExtendWith(OutputCaptureExtension.class)
class TraceContinuationIT extends SearchServiceHarness {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String TRACE_ID = "5c2a1f3e9b8d47a6b1c0d2e3f4a5b6c7";

    @Test
    void theIndexingOfARecordLogsInTheTraceTheRecordCarries(CapturedOutput output) throws Exception {
        String word = word();
        String article = id();
        String requestId = "traced-" + article;
        events.send(
                published(
                        article, 1, Instant.now(), content("Traced " + word, "s", "c", List.of(), "a", "b", List.of())),
                requestId,
                "00-" + TRACE_ID + "-a3ce929d0e0e4736-01");

        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(ids(api.search("q", word))).containsExactly(article));
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(
                                output.getOut().lines().filter(line -> line.contains("Indexed article " + article)))
                        .anySatisfy(line -> assertThat(line).contains(TRACE_ID).contains(requestId)));
        String metrics = mvc.perform(get("/actuator/prometheus"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(metrics).containsPattern("(?m)^roundup_search_bulk_seconds_count\\{[^}]*} [1-9]");
    }
}
