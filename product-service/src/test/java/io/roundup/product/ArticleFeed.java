package io.roundup.product;

import io.roundup.events.ArticleChanged;
import io.roundup.events.ArticleContent;
import io.roundup.events.ArticleStatus;
import io.roundup.events.CloudEventHeaders;
import io.roundup.events.EventCodec;
import io.roundup.events.EventType;
import io.roundup.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plays article-service in the tests: puts article events on the real article topic, as article-service would. */
final class ArticleFeed implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;

    private final EventCodec codec = new EventCodec();

    ArticleFeed(String brokers) {
        producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    /** A published review ranking the given products. */
    void published(String articleId, long revision, String title, String... productIds) {
        List<ArticleContent.Entry> entries = new java.util.ArrayList<>();
        for (int i = 0; i < productIds.length; i++) {
            entries.add(new ArticleContent.Entry(i + 1, productIds[i], "Entry " + (i + 1), "Body.", List.of()));
        }
        ArticleContent content = new ArticleContent(
                title,
                "Summary.",
                "Audio",
                List.of("test"),
                new ArticleContent.Author("Ada Marlowe", "Bio."),
                "Intro.",
                entries,
                List.of());
        send(
                articleId,
                new ArticleChanged(
                        articleId,
                        revision,
                        Instant.now(),
                        ArticleStatus.PUBLISHED,
                        title.toLowerCase().replace(' ', '-'),
                        Instant.now(),
                        content));
    }

    /** The same review, unpublished: readers no longer see it. */
    void unpublished(String articleId, long revision) {
        send(
                articleId,
                new ArticleChanged(
                        articleId, revision, Instant.now(), ArticleStatus.UNPUBLISHED, "gone", Instant.now(), null));
    }

    private void send(String articleId, Object event) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.ARTICLES, articleId, codec.write(event));
        record.headers()
                .add(CloudEventHeaders.TYPE, EventType.of(event).ceType().getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(record).get();
        } catch (InterruptedException | ExecutionException ex) {
            throw new IllegalStateException("could not put an article event on " + Topics.ARTICLES, ex);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
