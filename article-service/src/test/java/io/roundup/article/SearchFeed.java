package io.roundup.article;

import io.roundup.events.ArticleIndexed;
import io.roundup.events.CloudEventHeaders;
import io.roundup.events.EventCodec;
import io.roundup.events.EventType;
import io.roundup.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plays search-service in the tests: announces on the real topic what search shows of an article. */
final class SearchFeed implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;

    private final EventCodec codec = new EventCodec();

    SearchFeed(String brokers) {
        producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    /** Search lists the article at this revision. */
    void listed(String articleId, long revision) {
        send(new ArticleIndexed(articleId, revision, true, Instant.now()));
    }

    /** Search holds this revision of the article as gone. */
    void gone(String articleId, long revision) {
        send(new ArticleIndexed(articleId, revision, false, Instant.now()));
    }

    /** A record no consumer can read, as a broken producer might write. */
    void poison(String articleId) {
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(Topics.SEARCH_INDEXED, articleId, "{not json".getBytes(StandardCharsets.UTF_8));
        record.headers()
                .add(
                        CloudEventHeaders.TYPE,
                        EventType.ARTICLE_INDEXED_V1.ceType().getBytes(StandardCharsets.UTF_8));
        send(record);
    }

    private void send(ArticleIndexed event) {
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(Topics.SEARCH_INDEXED, event.articleId(), codec.write(event));
        record.headers()
                .add(CloudEventHeaders.TYPE, EventType.of(event).ceType().getBytes(StandardCharsets.UTF_8));
        send(record);
    }

    private void send(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get();
        } catch (InterruptedException | ExecutionException ex) {
            throw new IllegalStateException("could not announce on " + Topics.SEARCH_INDEXED, ex);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
