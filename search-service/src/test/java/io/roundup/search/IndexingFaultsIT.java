package io.roundup.search;

import static io.roundup.search.Events.content;
import static io.roundup.search.Events.id;
import static io.roundup.search.Events.published;
import static io.roundup.search.Events.word;
import static io.roundup.search.SearchApi.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.roundup.devservices.DevServices;
import io.roundup.events.ArticleChanged;
import io.roundup.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;

/** What indexing does when a message is poison, alone or in a batch, and when Elasticsearch goes away for a while. */
@ExtendWith(OutputCaptureExtension.class)
class IndexingFaultsIT extends SearchServiceHarness {

    static final String DLQ = "roundup.search.dlq";
    static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    BindingsLifecycleController bindings;

    @Test
    void poisonGoesToTheDeadLetterTopicWithItsReasonAndTheNextEventIsIndexed() {
        String unknownType = id();
        String brokenJson = id();
        String noType = id();
        String wrongTopic = id();
        String tombstone = id();
        events.sendRaw(
                Topics.ARTICLES, unknownType, "roundup.article.v99", "{}".getBytes(StandardCharsets.UTF_8), "req-p1");
        events.sendRaw(
                Topics.ARTICLES,
                brokenJson,
                "roundup.article.v1",
                "{\"articleId\":".getBytes(StandardCharsets.UTF_8),
                null);
        events.sendRaw(Topics.PRODUCTS, noType, null, "{}".getBytes(StandardCharsets.UTF_8), null);
        events.sendRaw(
                Topics.PRODUCTS,
                wrongTopic,
                "roundup.article.removed.v1",
                "{\"articleId\":\"x\",\"revision\":1}".getBytes(StandardCharsets.UTF_8),
                null);
        // A record without a value: how a key is deleted from a compacted topic, never how Roundup speaks.
        events.sendRaw(Topics.ARTICLES, tombstone, "roundup.article.v1", null, null);
        String word = word();
        String good = id();
        events.send(published(
                good, 1, Instant.now(), content("After the poison " + word, "s", "c", List.of(), "a", "b", List.of())));

        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(ids(api.search("q", word))).containsExactly(good));
        assertThat(reason(unknownType)).contains("unknown ce_type 'roundup.article.v99'");
        assertThat(reason(brokenJson)).contains("not a valid roundup.article.v1");
        assertThat(reason(noType)).contains("ce_type");
        assertThat(reason(wrongTopic)).contains("does not belong on this topic");
        assertThat(reason(tombstone)).contains("no payload");
        ConsumerRecord<String, byte[]> dead =
                events.read(DLQ, unknownType, PATIENCE).getFirst();
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("{}");
        assertThat(text(dead, "ce_type")).isEqualTo("roundup.article.v99");
        assertThat(text(dead, "kafka_dlt-original-topic")).isEqualTo(Topics.ARTICLES);
    }

    @Test
    void aPoisonInTheMiddleOfABatchGoesAloneToTheDeadLetterTopicAndTheRestOfTheBatchIsIndexed() {
        String word = word();
        String older = word();
        List<String> good = new ArrayList<>();
        String poison = id();
        String twice = id();
        // With the consumer stopped, everything below waits on the topic and comes back as one batch.
        bindings.changeState("articles-in-0", BindingsLifecycleController.State.STOPPED);
        try {
            for (int i = 0; i < 10; i++) {
                if (i == 5) {
                    events.sendRaw(
                            Topics.ARTICLES,
                            poison,
                            "roundup.article.v1",
                            "{\"articleId\":".getBytes(StandardCharsets.UTF_8),
                            null);
                }
                String id = id();
                good.add(id);
                events.send(published(
                        id,
                        1,
                        Instant.now(),
                        content("Batch " + word + " " + i, "s", "c", List.of(), "a", "b", List.of())));
            }
            // The same article twice and then an older revision of it, all in the same batch.
            ArticleChanged second = published(
                    twice,
                    2,
                    Instant.now(),
                    content("Batch " + word + " again", "s", "c", List.of(), "a", "b", List.of()));
            events.send(second);
            events.send(second);
            events.send(published(
                    twice, 1, Instant.now(), content("Batch " + older, "s", "c", List.of(), "a", "b", List.of())));
        } finally {
            bindings.changeState("articles-in-0", BindingsLifecycleController.State.STARTED);
        }
        good.add(twice);

        await().atMost(PATIENCE)
                .untilAsserted(() ->
                        assertThat(ids(api.search("q", word, "size", "50"))).containsExactlyInAnyOrderElementsOf(good));
        assertThat(ids(api.search("q", older))).isEmpty();
        List<ConsumerRecord<String, byte[]>> dead = events.read(DLQ, poison, PATIENCE, Duration.ofSeconds(3));
        assertThat(dead).as("dead letters for the poison").hasSize(1);
        assertThat(text(dead.getFirst(), "x-exception-message")).contains("not a valid roundup.article.v1");
    }

    @Test
    void aPoisonInABatchThatWaitedForElasticsearchIsDeadLetteredOnceElasticsearchIsBack(CapturedOutput output) {
        String word = word();
        String poison = id();
        List<String> good = new ArrayList<>();
        bindings.changeState("articles-in-0", BindingsLifecycleController.State.STOPPED);
        RecordMetadata last;
        try {
            good.add(id());
            events.send(published(
                    good.getLast(),
                    1,
                    Instant.now(),
                    content("Waiting " + word + " 1", "s", "c", List.of(), "a", "b", List.of())));
            events.sendRaw(Topics.ARTICLES, poison, "roundup.article.v42", "{}".getBytes(StandardCharsets.UTF_8), null);
            good.add(id());
            last = events.send(published(
                    good.getLast(),
                    1,
                    Instant.now(),
                    content("Waiting " + word + " 2", "s", "c", List.of(), "a", "b", List.of())));
            DevServices.elasticsearch().stop();
        } finally {
            bindings.changeState("articles-in-0", BindingsLifecycleController.State.STARTED);
        }
        try {
            await().atMost(PATIENCE)
                    .until(() -> output.getOut()
                            .lines()
                            .anyMatch(line ->
                                    line.contains("Indexing " + Topics.ARTICLES) && line.contains("failed (attempt")));
        } finally {
            DevServices.elasticsearch().start();
        }

        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(ids(api.search("q", word))).containsExactlyInAnyOrderElementsOf(good));
        // Dead-lettered on the attempt that finds Elasticsearch back, even when the poison was the record its batch
        // waited on: that record's endless back-off ends with the reason (IndexingFaults.NamedRecordErrorHandler).
        List<ConsumerRecord<String, byte[]>> dead = events.read(DLQ, poison, PATIENCE, Duration.ofSeconds(3));
        assertThat(dead).as("dead letters for the poison").hasSize(1);
        assertThat(text(dead.getFirst(), "x-exception-message")).contains("unknown ce_type 'roundup.article.v42'");
        RecordMetadata end = last;
        await().atMost(PATIENCE).until(() -> events.consumed(end));
    }

    @Test
    void whenElasticsearchStopsMidStreamEventsWaitAndNothingIsLost(CapturedOutput output) {
        String word = word();
        List<String> sent = new ArrayList<>();
        RecordMetadata last = null;
        for (int i = 0; i < 10; i++) {
            last = publish(word, i, sent);
        }
        DevServices.elasticsearch().stop();
        try {
            for (int i = 10; i < 20; i++) {
                last = publish(word, i, sent);
            }
            RecordMetadata waiting = last;
            // The batch being retried, with the consumer paused, is named by partitions and offsets: "…-3@8..10"; the
            // events are spread over the topic's partitions, so it need not hold the last one's.
            String attempt = "Indexing " + waiting.topic() + "-";
            await().atMost(PATIENCE)
                    .until(() -> output.getOut()
                            .lines()
                            .anyMatch(line -> line.contains(attempt) && line.contains("failed (attempt")));
            assertThat(events.consumed(waiting)).isFalse();
        } finally {
            DevServices.elasticsearch().start();
        }
        for (int i = 20; i < 30; i++) {
            last = publish(word, i, sent);
        }
        long started = System.nanoTime();
        await().atMost(PATIENCE)
                .untilAsserted(() ->
                        assertThat(ids(api.search("q", word, "size", "50"))).containsExactlyInAnyOrderElementsOf(sent));
        System.out.println(
                "All indexed " + (System.nanoTime() - started) / 1_000_000 + " ms after Elasticsearch came back");
        RecordMetadata end = last;
        await().atMost(PATIENCE).until(() -> events.consumed(end));
    }

    private RecordMetadata publish(String word, int i, List<String> sent) {
        String id = id();
        sent.add(id);
        return events.send(published(
                id, 1, Instant.now(), content("Stream " + word + " " + i, "s", "c", List.of(), "a", "b", List.of())));
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
