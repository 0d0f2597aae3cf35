package io.roundup.product;

import static io.roundup.support.testing.TestTokens.editor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.roundup.support.web.RequestIds;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;

/**
 * A request that arrives with a W3C {@code traceparent} is handled in that trace: the lines it logs carry its trace id
 * beside its request id, and so do the relay's, which announces the change later on a thread of its own; the Kafka
 * record carries the trace on as its own {@code traceparent}, for the consumers to continue.
 */
@ExtendWith(OutputCaptureExtension.class)
class TraceCorrelationIT extends ProductServiceHarness {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Test
    void theLinesOfARequestCarryTheTraceIdItArrivedWith(CapturedOutput output) throws Exception {
        String requestId = "traced-" + UUID.randomUUID();
        String response = mvc.perform(post("/api/products")
                        .with(editor())
                        .header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01")
                        .header(RequestIds.HEADER, requestId)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body("Traced Turntable", "149")))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(output.getOut().lines().filter(line -> line.contains("Created product")))
                .anySatisfy(line -> assertThat(line).contains(TRACE_ID).contains(requestId));

        String id = json.readTree(response).get("id").asString();
        await().atMost(Duration.ofSeconds(20)).until(() -> !topic.eventsFor(id).isEmpty());
        ConsumerRecord<String, byte[]> record = topic.eventsFor(id).getFirst();
        assertThat(ProductTopic.header(record, "traceparent"))
                .hasValueSatisfying(traceparent -> assertThat(traceparent).startsWith("00-" + TRACE_ID + "-"));
        assertThat(output.getOut().lines().filter(line -> line.contains("Announced") && line.contains(id)))
                .anySatisfy(line -> assertThat(line).contains(TRACE_ID).contains(requestId));
    }
}
