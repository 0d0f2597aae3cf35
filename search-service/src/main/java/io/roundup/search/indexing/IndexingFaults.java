package io.roundup.search.indexing;

import io.roundup.events.EventCodec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * What happens when indexing a batch fails. A passing failure (Elasticsearch unreachable or overloaded) is retried
 * in the listener container with an exponential back-off that never gives up, the whole batch delivered again, so
 * nothing is lost and the partition waits, keeping the order. An event no retry can help (unreadable, or a
 * document Elasticsearch refuses), named by the consumer's {@code BatchListenerFailedException}, goes to the
 * dead-letter topic at once, with the reason in {@value #EXCEPTION_MESSAGE}, and the consumer carries on after it.
 */
@Configuration(proxyBeanMethods = false)
class IndexingFaults {

    /** The header the Kafka binder's own dead-lettering uses for the reason; kept so tools see the same thing. */
    static final String EXCEPTION_MESSAGE = "x-exception-message";

    static final String EXCEPTION_FQCN = "x-exception-fqcn";

    private static final Logger log = LoggerFactory.getLogger(IndexingFaults.class);

    @Bean
    ContainerFaults indexingErrorHandling(KafkaProperties kafka, IndexingSettings settings, IndexingMetrics metrics) {
        return new ContainerFaults(
                new DefaultKafkaProducerFactory<>(
                        kafka.buildProducerProperties(), new ByteArraySerializer(), new ByteArraySerializer()),
                settings,
                metrics);
    }

    /**
     * Gives each binding's container the error handler below, taking retries and dead-lettering away from the
     * binder. Dead letters are the failed records' own bytes, so its producer takes bytes; it is closed on shutdown.
     */
    static final class ContainerFaults implements ListenerContainerWithDlqAndRetryCustomizer, DisposableBean {

        private final DefaultKafkaProducerFactory<byte[], byte[]> producers;
        private final KafkaTemplate<byte[], byte[]> deadLetters;
        private final IndexingSettings settings;
        private final IndexingMetrics metrics;

        ContainerFaults(
                DefaultKafkaProducerFactory<byte[], byte[]> producers,
                IndexingSettings settings,
                IndexingMetrics metrics) {
            this.producers = producers;
            this.deadLetters = new KafkaTemplate<>(producers);
            this.settings = settings;
            this.metrics = metrics;
        }

        @Override
        public void configure(
                AbstractMessageListenerContainer<?, ?> container,
                String destinationName,
                String group,
                @Nullable BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
                @Nullable BackOff backOff) {
            container.setCommonErrorHandler(errorHandler(deadLetters, dlqDestinationResolver, settings, metrics));
        }

        @Override
        public boolean retryAndDlqInBinding(String destinationName, String group) {
            return false;
        }

        @Override
        public void destroy() {
            producers.destroy();
        }
    }

    static DefaultErrorHandler errorHandler(
            KafkaTemplate<byte[], byte[]> deadLetters,
            @Nullable BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> destination,
            IndexingSettings settings,
            IndexingMetrics metrics) {
        if (destination == null) {
            throw new IllegalStateException("Indexing bindings need enable-dlq and a dlq-name");
        }
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(deadLetters, (record, ex) -> {
            log.error(
                    "Dead-lettering {}-{}@{}: {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    reason(ex).getMessage());
            metrics.deadLettered(record.topic());
            return destination.apply(record, ex);
        });
        recoverer.addHeadersFunction(IndexingFaults::reasonHeaders);

        ExponentialBackOff forever =
                new ExponentialBackOff(settings.retryInitialInterval().toMillis(), 2.0);
        forever.setMaxInterval(settings.retryMaxInterval().toMillis());
        forever.setMaxElapsedTime(Long.MAX_VALUE);
        forever.setMaxAttempts(Long.MAX_VALUE);

        DefaultErrorHandler handler = new NamedRecordErrorHandler(recoverer, forever);
        handler.addNotRetryableExceptions(EventCodec.UnreadableEvent.class, UnindexableEvent.class);
        handler.setRetryListeners(new RetryLog());
        return handler;
    }

    /**
     * Hands the error handler the {@link BatchListenerFailedException} that names the failed record, not the binder's
     * wrappers around it. The handler keeps a record's retry state for as long as the exception's class stays the
     * same, looking under {@code ListenerExecutionFailedException} only; under the binder's {@code MessagingException}
     * every failure would look alike, and a poison event first seen while Elasticsearch was away (a {@link
     * BatchToRetry}) would stay in that endless back-off instead of being dead-lettered once Elasticsearch is back.
     */
    static final class NamedRecordErrorHandler extends DefaultErrorHandler {

        NamedRecordErrorHandler(ConsumerRecordRecoverer recoverer, BackOff backOff) {
            super(recoverer, backOff);
        }

        @Override
        public void handleBatch(
                Exception thrown,
                ConsumerRecords<?, ?> data,
                Consumer<?, ?> consumer,
                MessageListenerContainer container,
                Runnable invokeListener) {
            super.handleBatch(naming(thrown), data, consumer, container, invokeListener);
        }

        @Override
        public <K, V> ConsumerRecords<K, V> handleBatchAndReturnRemaining(
                Exception thrown,
                ConsumerRecords<?, ?> data,
                Consumer<?, ?> consumer,
                MessageListenerContainer container,
                Runnable invokeListener) {
            return super.handleBatchAndReturnRemaining(naming(thrown), data, consumer, container, invokeListener);
        }

        static Exception naming(Exception thrown) {
            for (Throwable t = thrown; t != null; t = t.getCause()) {
                if (t instanceof BatchListenerFailedException named) {
                    return named;
                }
            }
            return thrown;
        }
    }

    /** One warning per failed attempt, naming the records waiting (a batch, or the one record after a dead letter). */
    static final class RetryLog implements RetryListener {

        @Override
        public void failedDelivery(ConsumerRecord<?, ?> record, Exception ex, int attempt) {
            warn(record.topic() + "-" + record.partition() + "@" + record.offset(), ex, attempt);
        }

        @Override
        public void failedDelivery(ConsumerRecords<?, ?> records, Exception ex, int attempt) {
            StringJoiner where = new StringJoiner(", ");
            for (TopicPartition partition : records.partitions()) {
                List<? extends ConsumerRecord<?, ?>> those = records.records(partition);
                long first = those.getFirst().offset();
                long last = those.getLast().offset();
                where.add(partition + "@" + (first == last ? String.valueOf(first) : first + ".." + last));
            }
            warn(where.toString(), ex, attempt);
        }

        private static void warn(String where, Exception ex, int attempt) {
            Throwable reason = reason(ex);
            if (!(reason instanceof EventCodec.UnreadableEvent || reason instanceof UnindexableEvent)) {
                log.warn("Indexing {} failed (attempt {}): {}; retrying", where, attempt, reason.toString());
            }
        }
    }

    private static Headers reasonHeaders(ConsumerRecord<?, ?> record, Exception ex) {
        Throwable reason = reason(ex);
        RecordHeaders headers = new RecordHeaders();
        headers.add(EXCEPTION_FQCN, reason.getClass().getName().getBytes(StandardCharsets.UTF_8));
        headers.add(EXCEPTION_MESSAGE, String.valueOf(reason.getMessage()).getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    /** The exception that says why, under the listener's and the framework's wrappers. */
    static Throwable reason(Throwable ex) {
        Throwable deepest = ex;
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof EventCodec.UnreadableEvent || t instanceof UnindexableEvent) {
                return t;
            }
            deepest = t;
        }
        return deepest;
    }
}
