package io.roundup.search.reindex;

import io.roundup.events.CloudEventHeaders;
import io.roundup.search.indexing.RawEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * Reads a topic from given offsets (or its beginning) up to the end it has when the read starts, in batches, with a
 * consumer of its own: no group, nothing committed, so the live consumers' positions are never touched.
 */
@Component
class TopicReplay {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    /** How long a read may go without getting any further before the reindex gives up. */
    private static final Duration STALL = Duration.ofSeconds(60);

    private final Map<String, Object> config;

    TopicReplay(KafkaProperties kafka) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "search-reindex");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        this.config = Map.copyOf(config);
    }

    /**
     * Hands every record of {@code topic} from {@code from} (per partition; a partition not named starts at its
     * beginning) up to the topic's current end to {@code batches}, in order per partition; tells {@code toRead} first
     * how many offsets that spans (an upper bound of the records: a compacted topic has gaps).
     *
     * @return where the read stopped, per partition: the {@code from} of a later read that catches up
     */
    Map<TopicPartition, Long> read(
            String topic, Map<TopicPartition, Long> from, LongConsumer toRead, Consumer<List<RawEvent>> batches) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, TIMEOUT);
            if (infos == null || infos.isEmpty()) {
                return from;
            }
            List<TopicPartition> partitions = infos.stream()
                    .map(i -> new TopicPartition(topic, i.partition()))
                    .toList();
            // assigned while their offsets are asked for: the consumer warns of every answer for a partition it
            // does not hold
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            Map<TopicPartition, Long> start = starts(consumer, partitions, from, end);
            Set<TopicPartition> pending = new HashSet<>(start.keySet());
            toRead.accept(span(start, end));
            consumer.assign(pending);
            start.forEach(consumer::seek);
            long lastProgress = System.nanoTime();
            while (!pending.isEmpty()) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
                List<RawEvent> batch = new ArrayList<>(records.count());
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() < end.get(partition)) {
                        batch.add(raw(record));
                    }
                }
                if (!batch.isEmpty()) {
                    batches.accept(batch);
                    lastProgress = System.nanoTime();
                }
                for (TopicPartition partition : List.copyOf(pending)) {
                    if (consumer.position(partition, TIMEOUT) >= end.get(partition)) {
                        pending.remove(partition);
                        consumer.pause(List.of(partition));
                    }
                }
                if (System.nanoTime() - lastProgress > STALL.toNanos()) {
                    throw new IllegalStateException("Reading " + topic + " got no further for " + STALL.toSeconds()
                            + " s; still to read: " + pending);
                }
            }
            return Map.copyOf(end);
        }
    }

    /**
     * How many offsets a {@link #read} from {@code from} would span if it started now, without reading any record: what
     * a reindex announces for every topic before it reads the first one.
     */
    long span(String topic, Map<TopicPartition, Long> from) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, TIMEOUT);
            if (infos == null || infos.isEmpty()) {
                return 0;
            }
            List<TopicPartition> partitions = infos.stream()
                    .map(i -> new TopicPartition(topic, i.partition()))
                    .toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            return span(starts(consumer, partitions, from, end), end);
        }
    }

    /** Per partition with something left to read, where the read starts: {@code from}, or the partition's beginning. */
    private static Map<TopicPartition, Long> starts(
            KafkaConsumer<byte[], byte[]> consumer,
            List<TopicPartition> partitions,
            Map<TopicPartition, Long> from,
            Map<TopicPartition, Long> end) {
        Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions, TIMEOUT);
        Map<TopicPartition, Long> start = new HashMap<>();
        for (TopicPartition partition : partitions) {
            long at = Math.max(from.getOrDefault(partition, 0L), beginning.get(partition));
            if (at < end.get(partition)) {
                start.put(partition, at);
            }
        }
        return start;
    }

    private static long span(Map<TopicPartition, Long> start, Map<TopicPartition, Long> end) {
        return start.entrySet().stream()
                .mapToLong(e -> end.get(e.getKey()) - e.getValue())
                .sum();
    }

    private static RawEvent raw(ConsumerRecord<byte[], byte[]> record) {
        return new RawEvent(
                text(record, CloudEventHeaders.TYPE), record.value(), text(record, CloudEventHeaders.REQUEST_ID));
    }

    private static String text(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
