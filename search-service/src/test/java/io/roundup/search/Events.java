package io.roundup.search;

import io.roundup.events.ArticleChanged;
import io.roundup.events.ArticleContent;
import io.roundup.events.ArticleRemoved;
import io.roundup.events.ArticleStatus;
import io.roundup.events.CloudEventHeaders;
import io.roundup.events.EventCodec;
import io.roundup.events.EventType;
import io.roundup.events.Money;
import io.roundup.events.Offer;
import io.roundup.events.ProductChanged;
import io.roundup.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Produces events the way the producers' state relay does (a plain Kafka producer, CloudEvents headers as UTF-8 bytes,
 * key = entity id) and tells when the search service has consumed them. Ids and words are random per test.
 */
final class Events implements AutoCloseable {

    static final String GROUP = "search-service";

    private final String bootstrapServers;
    private final KafkaProducer<String, byte[]> producer;
    private final Admin admin;
    private final EventCodec codec = new EventCodec();

    Events(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        this.producer = new KafkaProducer<>(props);
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** Sends an event as article- or product-service would, and returns once the broker has it. */
    RecordMetadata send(Object event, String requestId) {
        return send(event, requestId, null);
    }

    /** Sends an event as article- or product-service would from a traced request: with its {@code traceparent}. */
    RecordMetadata send(Object event, String requestId, String traceparent) {
        EventType type = EventType.of(event);
        String topic = type.ceType().startsWith("roundup.article") ? Topics.ARTICLES : Topics.PRODUCTS;
        String key = switch (event) {
            case io.roundup.events.ArticleEvent a -> a.articleId();
            case io.roundup.events.ProductEvent p -> p.productId();
            default -> throw new IllegalArgumentException(event.toString());
        };
        return sendRaw(topic, key, type.ceType(), codec.write(event), requestId, traceparent);
    }

    RecordMetadata send(Object event) {
        return send(event, "req-" + UUID.randomUUID());
    }

    /** Sends any bytes with any {@code ce_type} (or none), for poison. */
    RecordMetadata sendRaw(String topic, String key, String ceType, byte[] payload, String requestId) {
        return sendRaw(topic, key, ceType, payload, requestId, null);
    }

    private RecordMetadata sendRaw(
            String topic, String key, String ceType, byte[] payload, String requestId, String traceparent) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, CloudEventHeaders.ID, UUID.randomUUID().toString());
        header(headers, CloudEventHeaders.TYPE, ceType);
        header(
                headers,
                CloudEventHeaders.SOURCE,
                topic.equals(Topics.ARTICLES) ? "/article-service" : "/product-service");
        header(headers, CloudEventHeaders.SUBJECT, key);
        header(headers, CloudEventHeaders.TIME, Instant.now().toString());
        header(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        header(headers, CloudEventHeaders.REQUEST_ID, requestId);
        header(headers, "traceparent", traceparent);
        try {
            return producer.send(new ProducerRecord<>(topic, null, key, payload, headers))
                    .get();
        } catch (Exception ex) {
            throw new IllegalStateException("Could not send to " + topic, ex);
        }
    }

    private static void header(RecordHeaders headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** True once the search service's consumer group has committed past this record. */
    boolean consumed(RecordMetadata record) {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(GROUP)
                    .partitionsToOffsetAndMetadata()
                    .get();
            OffsetAndMetadata committed = offsets.get(new TopicPartition(record.topic(), record.partition()));
            return committed != null && committed.offset() > record.offset();
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Every record with this key on a topic, read from the beginning. */
    List<ConsumerRecord<String, byte[]>> read(String topic, String key, Duration within) {
        return read(topic, key, within, Duration.ZERO);
    }

    /**
     * Every record with this key on a topic, read from the beginning; once one is found, reading goes on for
     * {@code settle} more, so that a duplicate written a moment later is seen too.
     */
    List<ConsumerRecord<String, byte[]>> read(String topic, String key, Duration within, Duration settle) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "search-it-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + within.toNanos();
            long settled = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, settled)) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                });
                if (!found.isEmpty() && settled == Long.MAX_VALUE) {
                    settled = System.nanoTime() + settle.toNanos();
                }
            }
        }
        return found;
    }

    @Override
    public void close() {
        producer.close();
        admin.close();
    }

    // --- test data: random ids and words, so tests never see each other's articles ---

    static String id() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }

    /** A made-up word of lowercase letters that no other test uses. */
    static String word() {
        StringBuilder word = new StringBuilder();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 9; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    static ArticleContent content(
            String title,
            String summary,
            String category,
            List<String> tags,
            String author,
            String body,
            List<String> productIds) {
        List<ArticleContent.Entry> entries = new ArrayList<>();
        for (int i = 0; i < productIds.size(); i++) {
            entries.add(new ArticleContent.Entry(
                    i + 1,
                    productIds.get(i),
                    "Pick number " + (i + 1),
                    body,
                    List.of(new ArticleContent.Feature("Weight", "light enough to forget"))));
        }
        if (entries.isEmpty()) {
            entries.add(new ArticleContent.Entry(1, null, "The only pick", body, List.of()));
        }
        return new ArticleContent(
                title,
                summary,
                category,
                tags,
                new ArticleContent.Author(author, "Writes reviews."),
                "We tested everything for weeks.",
                entries,
                List.of(new ArticleContent.Section("Buying guide", "Think about what you need before you buy.")));
    }

    static ArticleChanged published(String id, long revision, Instant publishedAt, ArticleContent content) {
        return new ArticleChanged(
                id, revision, publishedAt, ArticleStatus.PUBLISHED, "slug-" + id, publishedAt, content);
    }

    static ArticleChanged withStatus(String id, long revision, ArticleStatus status) {
        return new ArticleChanged(id, revision, Instant.now(), status, "slug-" + id, null, null);
    }

    static ArticleRemoved removed(String id, long revision) {
        return new ArticleRemoved(id, revision, Instant.now());
    }

    static ProductChanged product(String id, long revision, String name, String kind, String... prices) {
        List<Offer> offers = new ArrayList<>();
        for (String price : prices) {
            offers.add(new Offer("Shop " + offers.size(), "https://shop.example.com/" + id, new Money(price, "USD")));
        }
        return new ProductChanged(id, revision, Instant.now(), name, kind, "Brand", Map.of(), offers, null);
    }
}
