package io.roundup.search.indexing;

import io.roundup.events.CloudEventHeaders;
import io.roundup.events.EventCodec;
import io.roundup.support.messaging.HeaderValues;
import io.roundup.support.tracing.TraceParents;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

/**
 * The two consumers, bound as {@code articles-in-0} and {@code products-in-0} in batch mode: each poll's records
 * arrive together and are indexed in bulk. When an event of the batch cannot be applied, the consumer names it with a
 * {@link BatchListenerFailedException}: the records before it are done, it goes to the dead-letter topic
 * ({@link IndexingFaults}), and the ones after it are delivered again. A passing failure names the first record, whose
 * retries never give up: the batch waits.
 */
@Configuration(proxyBeanMethods = false)
class IndexingConsumers {

    @Bean
    EventCodec eventCodec() {
        return new EventCodec();
    }

    @Bean
    Consumer<Message<List<byte[]>>> articles(EventIndexing indexing, IndexingMetrics metrics) {
        return batch -> {
            handle(batch, indexing::articles);
            metrics.searchable("roundup.articles", batch);
        };
    }

    @Bean
    Consumer<Message<List<byte[]>>> products(EventIndexing indexing, IndexingMetrics metrics) {
        return batch -> {
            handle(batch, indexing::products);
            metrics.searchable("roundup.products", batch);
        };
    }

    static void handle(Message<List<byte[]>> batch, BiFunction<List<RawEvent>, IndexTarget, List<Rejected>> indexing) {
        List<Rejected> rejected;
        try {
            rejected = indexing.apply(events(batch), IndexTarget.LIVE);
        } catch (RuntimeException ex) {
            // A passing failure: the whole batch again, after the back-off, as a new delivery. Named as the batch's
            // first record (not thrown as it is), so that the attempt that finds Elasticsearch back and a poison
            // event in the batch is handled like any other: the poison dead-lettered, the rest indexed.
            throw new BatchToRetry("Indexing the batch failed: " + ex.getMessage(), ex);
        }
        if (!rejected.isEmpty()) {
            throw new RejectedInBatch(rejected.getFirst());
        }
    }

    /**
     * The records of a batch with their own headers, which the binder hands over as one map per record. A record
     * without a value (a tombstone on the compacted topic) arrives as {@code KafkaNull}: it has no payload.
     */
    static List<RawEvent> events(Message<List<byte[]>> batch) {
        List<?> payloads = batch.getPayload();
        List<Map<String, Object>> headers = headers(batch);
        List<RawEvent> events = new ArrayList<>(payloads.size());
        for (int i = 0; i < payloads.size(); i++) {
            Map<String, Object> own = i < headers.size() ? headers.get(i) : Map.of();
            byte[] payload = payloads.get(i) instanceof byte[] bytes ? bytes : null;
            events.add(new RawEvent(
                    HeaderValues.text(own, CloudEventHeaders.TYPE).orElse(null),
                    payload,
                    HeaderValues.text(own, CloudEventHeaders.REQUEST_ID).orElse(null),
                    HeaderValues.text(own, TraceParents.HEADER).orElse(null)));
        }
        return events;
    }

    /** Each record's own headers, in the order of the batch. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> headers(Message<List<byte[]>> batch) {
        Object converted = batch.getHeaders().get(KafkaHeaders.BATCH_CONVERTED_HEADERS);
        return converted instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }
}
