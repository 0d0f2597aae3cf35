package io.roundup.e2e;

import io.roundup.events.CloudEventHeaders;
import io.roundup.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where a publish spends its time on the way to search, read off the topics by a consumer of the benchmark's own
 * (assigned, from the end, no group): each published article event's {@code ce_time} and record timestamp on
 * {@value Topics#ARTICLES} (when article-service's relay announced it), and search-service's
 * {@code roundup.search.indexed} announcement of that revision, whose {@code indexedAt} is the moment after the refresh
 * that made it visible to readers. All on one machine's clock, so the stamps compare.
 */
final class FreshnessTrace implements AutoCloseable {

    /** An article event as it went onto Kafka: what the relay stamped and when the producer sent it. */
    record Announced(long revision, String status, Instant ceTime, Instant recordTime) {}

    /** search-service's word that a revision is visible: when it said so (after the refresh) and when it reached us. */
    record Visible(long revision, boolean listed, Instant indexedAt, Instant received) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, List<Announced>> announced = new ConcurrentHashMap<>();
    private final Map<String, List<Visible>> visible = new ConcurrentHashMap<>();
    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread thread;
    private final CountDownLatch assigned = new CountDownLatch(1);
    private volatile boolean running = true;

    FreshnessTrace(String bootstrap) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
        consumer = new KafkaConsumer<>(config);
        thread = new Thread(this::consume, "freshness-trace");
        thread.setDaemon(true);
        thread.start();
        try {
            if (!assigned.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("the trace's consumer found no partitions within 30 s");
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
    }

    private void consume() {
        List<TopicPartition> partitions = Stream.of(Topics.ARTICLES, Topics.SEARCH_INDEXED)
                .flatMap(topic -> consumer.partitionsFor(topic, Duration.ofSeconds(20)).stream()
                        .map(p -> new TopicPartition(topic, p.partition())))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end now, before any publish
        assigned.countDown();
        while (running) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                Instant received = Instant.now();
                if (record.value() == null || record.key() == null) {
                    continue;
                }
                JsonNode event = JSON.readTree(record.value());
                if (record.topic().equals(Topics.ARTICLES)) {
                    announced
                            .computeIfAbsent(record.key(), id -> new CopyOnWriteArrayList<>())
                            .add(new Announced(
                                    event.path("revision").asLong(-1),
                                    event.path("status").asString(""),
                                    header(record, CloudEventHeaders.TIME).orElse(null),
                                    Instant.ofEpochMilli(record.timestamp())));
                } else {
                    visible.computeIfAbsent(record.key(), id -> new CopyOnWriteArrayList<>())
                            .add(new Visible(
                                    event.path("revision").asLong(-1),
                                    event.path("listed").asBoolean(false),
                                    instant(event.path("indexedAt").asString(""))
                                            .orElse(null),
                                    received));
                }
            }
        }
        consumer.close(Duration.ofSeconds(2));
    }

    /** The first event that announced {@code articleId} as published. */
    Optional<Announced> published(String articleId) {
        return announced.getOrDefault(articleId, List.of()).stream()
                .filter(a -> a.status().equals("PUBLISHED"))
                .findFirst();
    }

    /** search-service's announcement that {@code revision} of {@code articleId} is visible as {@code listed}. */
    Optional<Visible> visible(String articleId, long revision, boolean listed) {
        return visible.getOrDefault(articleId, List.of()).stream()
                .filter(v -> v.revision() >= revision && v.listed() == listed)
                .findFirst();
    }

    private static Optional<Instant> header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? Optional.empty() : instant(new String(header.value(), StandardCharsets.UTF_8));
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException ex) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(5_000);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
