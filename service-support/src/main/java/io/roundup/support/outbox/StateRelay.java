package io.roundup.support.outbox;

import com.mongodb.client.result.UpdateResult;
import io.opentelemetry.context.Scope;
import io.roundup.events.CloudEventHeaders;
import io.roundup.events.EventCodec;
import io.roundup.events.EventType;
import io.roundup.support.tracing.TraceParents;
import io.roundup.support.work.PeriodicWork;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Announces each entity's stored state on Kafka after it is stored: the document itself is the outbox.
 *
 * <p>A save writes the new state, a raised {@code revision} and {@code announcePending = true} in one single-document
 * write, so nothing is announced that was not saved. The relay sends every pending document's current state and then
 * clears the flag only if the revision is still the one it sent; a crash in between leaves the flag set and the next
 * pass announces again. Consumers ignore revisions they already hold, so announcing twice is harmless. It needs no
 * multi-document transaction and no change stream.
 *
 * <p>Every copy of a service relays. Two copies announcing the same entity at once stay harmless because the last
 * record of an entity on Kafka is always its stored revision: a relay whose conditional clear finds that a newer
 * revision was saved meanwhile announces the stored state again right away, so an older revision that reached the
 * broker after a newer one (sent by the other copy) is never the one compaction keeps.
 *
 * <p>{@link #announceSoon()} after a save keeps the usual latency to one Kafka round trip; the periodic sweep picks up
 * whatever a crash, a broker outage or another copy of the service left behind.
 */
public class StateRelay<T extends RelayedState> implements SmartLifecycle {

    public static final String PENDING = "announcePending";
    public static final String ANNOUNCED = "announcedRevision";

    private static final Logger log = LoggerFactory.getLogger(StateRelay.class);
    private static final int BATCH = 200;
    /** spring-kafka's {@code KafkaHeaders.KEY}: the Kafka binder uses it as the record key. */
    private static final String KAFKA_KEY = "kafka_messageKey";

    private final MongoOperations mongo;
    private final Class<T> type;
    private final String collection;
    private final StreamBridge bridge;
    private final String bindingName;
    private final String source;
    private final Function<T, Object> toEvent;
    private final EventCodec codec = new EventCodec();
    private final PeriodicWork work;

    public StateRelay(
            MongoOperations mongo,
            Class<T> type,
            String collection,
            StreamBridge bridge,
            String bindingName,
            String source,
            Function<T, Object> toEvent,
            Duration sweepInterval) {
        this.mongo = mongo;
        this.type = type;
        this.collection = collection;
        this.bridge = bridge;
        this.bindingName = bindingName;
        this.source = source;
        this.toEvent = toEvent;
        this.work = new PeriodicWork("relay-" + collection, sweepInterval, this::relayPending);
    }

    /** The collection whose documents this relay announces. */
    public String collection() {
        return collection;
    }

    /** How many documents are saved but not yet announced: the outbox backlog. */
    public long pending() {
        return mongo.count(Query.query(Criteria.where(PENDING).is(true)), collection);
    }

    /** Asks for a pass now, without waiting for the sweep; cheap to call after every save. */
    public void announceSoon() {
        work.runSoon();
    }

    /** One pass: announces every pending document; returns how many were announced. Runs on the relay thread. */
    public int relayPending() {
        int announced = 0;
        try {
            List<T> pending;
            do {
                pending = mongo.find(
                        Query.query(Criteria.where(PENDING).is(true))
                                .with(Sort.by("_id"))
                                .limit(BATCH),
                        type,
                        collection);
                for (T state : pending) {
                    if (!announce(state)) {
                        return announced;
                    }
                    announced++;
                }
            } while (pending.size() == BATCH);
        } catch (RuntimeException ex) {
            log.warn("Announcing {} paused: {}; the next pass retries", collection, ex.toString());
        }
        return announced;
    }

    /**
     * Announces {@code state}, and again the stored state for as long as a newer revision was saved meanwhile: the
     * last record of an entity on Kafka must be its stored revision. Another copy's relay may have announced a newer
     * revision (and cleared the flag) while this one was sending an older one, which then landed after it; consumers
     * ignore the older one, but compaction keeps only the last record, so a replay would rebuild the older state.
     */
    private boolean announce(T state) {
        T current = state;
        while (true) {
            Sent sent = send(current);
            if (sent != Sent.SUPERSEDED) {
                return sent == Sent.CLEARED;
            }
            // Saved again since it was read: whatever another relay announced meanwhile, announce the stored state now.
            T stored = mongo.findById(current.id(), type, collection);
            if (stored == null || stored.revision() <= current.revision()) {
                return true;
            }
            current = stored;
        }
    }

    private enum Sent {
        /** Kafka did not take it: the flag stays, the next pass retries. */
        REFUSED,
        /** Kafka has it, and it is still the stored revision: the flag is cleared. */
        CLEARED,
        /** Kafka has it, but a newer revision was saved meanwhile. */
        SUPERSEDED
    }

    /** Sends one state and clears the flag if the stored revision is still the one sent. */
    private Sent send(T state) {
        Object event = toEvent.apply(state);
        EventType type = EventType.of(event);
        MessageBuilder<byte[]> builder =
                MessageBuilder.withPayload(codec.write(event)).setHeader(KAFKA_KEY, utf8(state.id()));
        CloudEventHeaders.of(
                        UUID.randomUUID().toString(), type, source, state.id(), Instant.now(), state.lastRequestId())
                .forEach(builder::setHeader);
        Message<byte[]> message =
                builder.setHeader("contentType", "application/json").build();
        if (state.lastRequestId() != null) {
            MDC.put("requestId", state.lastRequestId());
        }
        // The request's trace, around the send: the binder's observation (enable-observation) puts a producer span of
        // that trace on the record as its traceparent header.
        try (Scope trace = TraceParents.restore(state.lastTraceparent())) {
            if (!bridge.send(bindingName, message)) {
                log.warn(
                        "Kafka did not accept {} {} revision {}; the next pass retries",
                        type.ceType(),
                        state.id(),
                        state.revision());
                return Sent.REFUSED;
            }
            UpdateResult cleared = mongo.updateFirst(
                    Query.query(
                            Criteria.where("_id").is(state.id()).and("revision").is(state.revision())),
                    new Update().set(PENDING, false).set(ANNOUNCED, state.revision()),
                    collection);
            log.info("Announced {} {} revision {}", type.ceType(), state.id(), state.revision());
            return cleared.getMatchedCount() > 0 ? Sent.CLEARED : Sent.SUPERSEDED;
        } finally {
            MDC.remove("requestId");
        }
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void start() {
        work.start();
    }

    /** A last pass on shutdown, so a graceful stop leaves nothing pending that Kafka could take. */
    @Override
    public void stop() {
        boolean wasRunning = work.isRunning();
        if (work.stop() && wasRunning) {
            relayPending();
        }
    }

    @Override
    public boolean isRunning() {
        return work.isRunning();
    }

    /** Stops before the Kafka binder does (binders stop in a lower phase), so the final pass can still send. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
