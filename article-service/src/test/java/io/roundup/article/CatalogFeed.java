package io.roundup.article;

import io.roundup.events.CloudEventHeaders;
import io.roundup.events.EventCodec;
import io.roundup.events.EventType;
import io.roundup.events.Money;
import io.roundup.events.Offer;
import io.roundup.events.ProductChanged;
import io.roundup.events.ProductRemoved;
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

/** Plays product-service in the tests: puts product events on the real product topic, as product-service would. */
final class CatalogFeed implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;

    private final EventCodec codec = new EventCodec();

    CatalogFeed(String brokers) {
        producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    void announce(String productId, long revision) {
        send(
                productId,
                new ProductChanged(
                        productId,
                        revision,
                        Instant.now(),
                        "Product " + productId,
                        "gear",
                        null,
                        Map.of(),
                        List.of(new Offer("Shop", "https://shop.example.com/" + productId, new Money("10.00", "USD"))),
                        null));
    }

    void remove(String productId, long revision) {
        send(productId, new ProductRemoved(productId, revision, Instant.now()));
    }

    private void send(String productId, Object event) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.PRODUCTS, productId, codec.write(event));
        record.headers()
                .add(CloudEventHeaders.TYPE, EventType.of(event).ceType().getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(record).get();
        } catch (InterruptedException | ExecutionException ex) {
            throw new IllegalStateException("could not put a product event on " + Topics.PRODUCTS, ex);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
