package io.roundup.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.roundup.devservices.DevServices;
import io.roundup.events.CloudEventHeaders;
import io.roundup.events.EventCodec;
import io.roundup.events.ProductRemoved;
import io.roundup.support.messaging.HeaderValues;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.messaging.Message;

/**
 * Two copies' relays on one real MongoDB, each with a broker of its own making that appends to one shared log in the
 * order the sends complete, as Kafka's partition would: whatever the interleaving, the last record of an entity is
 * its stored revision, which is the one a compacted topic keeps and a replay rebuilds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StateRelayIT {

    private static final String COLLECTION = "gadgets";

    private MongoClient client;
    private MongoTemplate mongo;
    private final List<Long> log = new ArrayList<>();
    private final EventCodec codec = new EventCodec();

    @BeforeAll
    void connect() {
        client = MongoClients.create(DevServices.mongo().connectionString());
        mongo = new MongoTemplate(
                client, "relay-it-" + UUID.randomUUID().toString().substring(0, 8));
    }

    @AfterAll
    void disconnect() {
        client.close();
    }

    @Test
    void anOlderRevisionThatReachesKafkaAfterANewerOneIsFollowedByTheStoredOne() throws Exception {
        String id = "gadget-" + UUID.randomUUID();
        save(id, 5);
        CountDownLatch firstSending = new CountDownLatch(1);
        CountDownLatch firstMayFinish = new CountDownLatch(1);
        StateRelay<Gadget> first = relay(message -> {
            firstSending.countDown();
            await(firstMayFinish); // the first copy's send of revision 5 is slow…
        });
        StateRelay<Gadget> second = relay(message -> {});

        CompletableFuture<Integer> firstPass = CompletableFuture.supplyAsync(first::relayPending);
        await(firstSending);
        save(id, 6); // …an editor saves again meanwhile, and the second copy announces revision 6 first
        assertThat(second.relayPending()).isEqualTo(1);
        assertThat(stored(id).getBoolean(StateRelay.PENDING)).isFalse();
        firstMayFinish.countDown(); // then revision 5 reaches the broker: after 6
        assertThat(firstPass.get(30, TimeUnit.SECONDS)).isEqualTo(1);

        synchronized (log) {
            assertThat(log).containsExactly(6L, 5L, 6L);
        }
        assertThat(stored(id).getBoolean(StateRelay.PENDING)).isFalse();
        assertThat(stored(id).getLong(StateRelay.ANNOUNCED)).isEqualTo(6);
    }

    /** A save as the services make it: the new state, a raised revision and the flag, in one write. */
    private void save(String id, long revision) {
        mongo.upsert(
                Query.query(Criteria.where("_id").is(id)),
                new Update()
                        .set("revision", revision)
                        .set(StateRelay.PENDING, true)
                        .setOnInsert(StateRelay.ANNOUNCED, 0L),
                COLLECTION);
    }

    private Document stored(String id) {
        return mongo.findById(id, Document.class, COLLECTION);
    }

    private StateRelay<Gadget> relay(java.util.function.Consumer<Message<?>> beforeAppend) {
        StreamBridge bridge = mock(StreamBridge.class);
        when(bridge.send(anyString(), any(Object.class))).thenAnswer(invocation -> {
            Message<?> message = invocation.getArgument(1);
            beforeAppend.accept(message);
            String type = HeaderValues.text(message.getHeaders(), CloudEventHeaders.TYPE)
                    .orElseThrow();
            ProductRemoved event = (ProductRemoved) codec.read(type, (byte[]) message.getPayload());
            synchronized (log) {
                log.add(event.revision());
            }
            return true;
        });
        return new StateRelay<>(
                mongo,
                Gadget.class,
                COLLECTION,
                bridge,
                "gadgets-out-0",
                "/test",
                gadget -> new ProductRemoved(gadget.id(), gadget.revision(), Instant.EPOCH),
                Duration.ofHours(1));
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    record Gadget(@Id String id, long revision, String lastRequestId) implements RelayedState {}
}
