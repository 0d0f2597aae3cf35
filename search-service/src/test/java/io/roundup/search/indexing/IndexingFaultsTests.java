package io.roundup.search.indexing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.roundup.events.EventCodec;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.messaging.MessagingException;

/**
 * The error handler the indexing containers get, driven as the container drives it: with the exceptions the binder
 * wraps around the consumer's own, a real Kafka client's mock consumer and a mock producer for the dead letters.
 */
class IndexingFaultsTests {

    private static final String TOPIC = "roundup.articles";
    private static final TopicPartition FIRST = new TopicPartition(TOPIC, 0);
    private static final TopicPartition OTHER = new TopicPartition(TOPIC, 2);

    private final MockProducer<byte[], byte[]> deadLetters =
            new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
    private final MessageListenerContainer container = mock(MessageListenerContainer.class);
    private final DefaultErrorHandler handler = IndexingFaults.errorHandler(
            new KafkaTemplate<>(() -> deadLetters),
            (record, ex) -> new TopicPartition("roundup.search.dlq", record.partition()),
            new IndexingSettings(Duration.ofMillis(1), Duration.ofMillis(1)),
            new IndexingMetrics(new SimpleMeterRegistry()));

    // The batch a restarted consumer polls: a poison event first on its partition, then two good ones. In this order:
    // a batch is its partitions' records in the order of its map, and Map.of has none.
    private final ConsumerRecords<byte[], byte[]> batch = new ConsumerRecords<>(
            inOrder(
                    FIRST, List.of(record(FIRST, 7, "poison"), record(FIRST, 8, "good-1")),
                    OTHER, List.of(record(OTHER, 6, "good-2"))),
            Map.of());

    @BeforeEach
    void assignPartitions() {
        given(container.getContainerProperties()).willReturn(new ContainerProperties(TOPIC));
        consumer.assign(List.of(FIRST, OTHER));
    }

    @Test
    void aPassingFailureKeepsTheBatchWaitingAndDeadLettersNothing() {
        for (int attempt = 0; attempt < 3; attempt++) {
            assertThatThrownBy(() -> handler.handleBatch(elasticsearchAway(), batch, consumer, container, () -> {}))
                    .hasMessageContaining("not yet recovered");
        }

        assertThat(deadLetters.history()).isEmpty();
        assertThat(consumer.committed(Set.of(FIRST)).get(FIRST))
                .as("nothing committed")
                .isNull();
    }

    @Test
    void aPoisonFirstSeenWhileElasticsearchWasAwayIsDeadLetteredOnTheAttemptThatFindsItBack() {
        for (int attempt = 0; attempt < 3; attempt++) {
            assertThatThrownBy(() -> handler.handleBatch(elasticsearchAway(), batch, consumer, container, () -> {}))
                    .hasMessageContaining("not yet recovered");
        }

        // Elasticsearch is back: the good events are written, the poison at position 0 is named.
        assertThatThrownBy(() -> handler.handleBatch(poisonAtTheStart(), batch, consumer, container, () -> {}))
                .hasMessageContaining("Seek to current after exception");

        assertThat(deadLetters.history()).singleElement().satisfies(dead -> {
            assertThat(dead.topic()).isEqualTo("roundup.search.dlq");
            assertThat(new String(dead.key(), StandardCharsets.UTF_8)).isEqualTo("poison");
            assertThat(header(dead, IndexingFaults.EXCEPTION_MESSAGE)).contains("unknown ce_type");
        });
        assertThat(consumer.committed(Set.of(FIRST)).get(FIRST).offset())
                .as("the partition goes on after the poison")
                .isEqualTo(8);
    }

    @Test
    void theRecordNamedUnderTheBindersWrappersIsWhatTheHandlerSees() {
        BatchListenerFailedException named = new BatchToRetry("down", new ConnectException("refused"));

        assertThat(IndexingFaults.NamedRecordErrorHandler.naming(
                        new ListenerExecutionFailedException("failed", new MessagingException("handler", named))))
                .isSameAs(named);
        IllegalStateException unnamed = new IllegalStateException("no record named");
        assertThat(IndexingFaults.NamedRecordErrorHandler.naming(unnamed)).isSameAs(unnamed);
    }

    /** How a consumer's exception reaches the container: under the binder's and the container's wrappers. */
    private static Exception wrapped(RuntimeException thrownByTheConsumer) {
        return new ListenerExecutionFailedException(
                "Listener failed", new MessagingException("Exception thrown while invoking", thrownByTheConsumer));
    }

    private static Exception elasticsearchAway() {
        return wrapped(new BatchToRetry(
                "Indexing the batch failed: Connection refused", new ConnectException("Connection refused")));
    }

    private static Exception poisonAtTheStart() {
        EventCodec.UnreadableEvent poison = new EventCodec.UnreadableEvent("unknown ce_type 'roundup.article.v42'");
        return wrapped(new RejectedInBatch(new Rejected(0, poison)));
    }

    private static Map<TopicPartition, List<ConsumerRecord<byte[], byte[]>>> inOrder(
            TopicPartition first,
            List<ConsumerRecord<byte[], byte[]>> firstRecords,
            TopicPartition second,
            List<ConsumerRecord<byte[], byte[]>> secondRecords) {
        Map<TopicPartition, List<ConsumerRecord<byte[], byte[]>>> partitions = new LinkedHashMap<>();
        partitions.put(first, firstRecords);
        partitions.put(second, secondRecords);
        return partitions;
    }

    private static ConsumerRecord<byte[], byte[]> record(TopicPartition partition, long offset, String key) {
        return new ConsumerRecord<>(
                partition.topic(),
                partition.partition(),
                offset,
                key.getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8));
    }

    private static String header(ProducerRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
