package io.roundup.article;

import io.roundup.events.ArticleEvent;
import io.roundup.events.CloudEventHeaders;
import io.roundup.events.EventCodec;
import io.roundup.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads {@value Topics#ARTICLES} from the beginning with a plain consumer, as any other service would. */
final class ArticleEventsProbe implements AutoCloseable {

    /** One record: its key, decoded payload and headers as text. */
    record Received(String key, ArticleEvent event, Map<String, String> headers) {}

    private final KafkaConsumer<String, byte[]> consumer;
    private final EventCodec codec = new EventCodec();
    private final List<Received> received = new ArrayList<>();

    ArticleEventsProbe(String bootstrapServers) {
        consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "article-it-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        consumer.subscribe(List.of(Topics.ARTICLES));
    }

    /** Everything received so far for {@code articleId}, in topic order (one partition per key). */
    synchronized List<Received> eventsFor(String articleId) {
        poll(Duration.ofMillis(200));
        return received.stream().filter(r -> articleId.equals(r.key())).toList();
    }

    /** Keeps reading for {@code duration}: for asserting that something was NOT announced. */
    synchronized List<Received> eventsFor(String articleId, Duration duration) {
        Instant until = Instant.now().plus(duration);
        while (Instant.now().isBefore(until)) {
            poll(Duration.ofMillis(200));
        }
        return received.stream().filter(r -> articleId.equals(r.key())).toList();
    }

    private void poll(Duration timeout) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(timeout)) {
            Map<String, String> headers = new java.util.HashMap<>();
            for (Header header : record.headers()) {
                headers.put(
                        header.key(),
                        header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
            }
            ArticleEvent event = (ArticleEvent) codec.read(headers.get(CloudEventHeaders.TYPE), record.value());
            received.add(new Received(record.key(), event, headers));
        }
    }

    @Override
    public synchronized void close() {
        consumer.close();
    }
}
