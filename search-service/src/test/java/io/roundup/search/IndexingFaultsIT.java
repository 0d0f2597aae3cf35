package io.roundup.search;

import static io.roundup.search.Events.content;
import static io.roundup.search.Events.id;
import static io.roundup.search.Events.published;
import static io.roundup.search.Events.word;
import static io.roundup.search.SearchApi.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.roundup.devservices.DevServices;
import io.roundup.devservices.spring.WithDevServices;
import io.roundup.devservices.spring.Service;
import io.roundup.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/** What indexing does when a message is poison, and when Elasticsearch goes away for a while. */
@SpringBootTest(properties = "roundup.auth.jwk-set-uri=http://127.0.0.1:1/unused")
@AutoConfigureMockMvc
@WithDevServices({ Service.KAFKA, Service.ELASTICSEARCH })
@ExtendWith(OutputCaptureExtension.class)
class IndexingFaultsIT extends SearchServiceHarness {

    static final String DLQ = "roundup.search.dlq";
    static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void poisonGoesToTheDeadLetterTopicWithItsReasonAndTheNextEventIsIndexed() {
        String unknownType = id();
        String brokenJson = id();
        String noType = id();
        String wrongTopic = id();
        events.sendRaw(Topics.ARTICLES, unknownType, "roundup.article.v99", "{}".getBytes(StandardCharsets.UTF_8), "req-p1");
        events.sendRaw(Topics.ARTICLES, brokenJson, "roundup.article.v1", "{\"articleId\":".getBytes(StandardCharsets.UTF_8), null);
        events.sendRaw(Topics.PRODUCTS, noType, null, "{}".getBytes(StandardCharsets.UTF_8), null);
        events.sendRaw(Topics.PRODUCTS, wrongTopic, "roundup.article.removed.v1",
                "{\"articleId\":\"x\",\"revision\":1}".getBytes(StandardCharsets.UTF_8), null);
        String word = word();
        String good = id();
        events.send(published(good, 1, Instant.now(), content("After the poison " + word, "s", "c", List.of(), "a",
                "b", List.of())));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(ids(api.search("q", word))).containsExactly(good));
        assertThat(reason(unknownType)).contains("unknown ce_type 'roundup.article.v99'");
        assertThat(reason(brokenJson)).contains("not a valid roundup.article.v1");
        assertThat(reason(noType)).contains("ce_type");
        assertThat(reason(wrongTopic)).contains("does not belong on this topic");
        ConsumerRecord<String, byte[]> dead = events.read(DLQ, unknownType, PATIENCE).getFirst();
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("{}");
        assertThat(text(dead, "ce_type")).isEqualTo("roundup.article.v99");
        assertThat(text(dead, "kafka_dlt-original-topic")).isEqualTo(Topics.ARTICLES);
    }

    @Test
    void whileElasticsearchIsDownEventsWaitAndNothingIsLost(CapturedOutput output) {
        String word = word();
        String id = id();
        DevServices.elasticsearch().stop();
        RecordMetadata sent;
        try {
            sent = events.send(published(id, 1, Instant.now(), content("Patience " + word, "s", "c", List.of(), "a", "b",
                    List.of())));
            String attempt = "Indexing " + sent.topic() + "-" + sent.partition() + "@" + sent.offset() + " failed";
            await().atMost(PATIENCE).until(() -> output.getOut().contains(attempt));
            assertThat(events.consumed(sent)).isFalse();
        }
        finally {
            DevServices.elasticsearch().start();
        }
        long started = System.nanoTime();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(ids(api.search("q", word))).containsExactly(id));
        System.out.println("Indexed " + (System.nanoTime() - started) / 1_000_000 + " ms after Elasticsearch came back");
        await().atMost(PATIENCE).until(() -> events.consumed(sent));
    }

    private String reason(String key) {
        List<ConsumerRecord<String, byte[]>> dead = events.read(DLQ, key, PATIENCE);
        assertThat(dead).as("dead letters for " + key).hasSize(1);
        return text(dead.getFirst(), "x-exception-message");
    }

    private static String text(ConsumerRecord<String, byte[]> record, String header) {
        Header value = record.headers().lastHeader(header);
        return value == null ? null : new String(value.value(), StandardCharsets.UTF_8);
    }
}
