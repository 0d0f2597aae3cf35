package io.roundup.product;

import static io.roundup.support.testing.TestTokens.editor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.roundup.devservices.DevServices;
import io.roundup.support.outbox.StateRelay;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * Crash and outage between saving and announcing: a saved revision stays pending until a relay pass gets it onto
 * Kafka, however long that takes, and a refused write leaves nothing to announce.
 */
class ProductRelayIT extends ProductServiceHarness {

    /** Long enough for several sweeps (500 ms) and a Kafka round trip. */
    private static final Duration SEVERAL_SWEEPS = Duration.ofSeconds(3);

    @Autowired
    StateRelay<Product> relay;

    /** The real bridge to Kafka, watched so a test can make the process "die" around a send. */
    @MockitoSpyBean
    StreamBridge bridge;

    @AfterEach
    void relayRuns() {
        if (!relay.isRunning()) {
            relay.start();
        }
    }

    @Test
    void aSaveWhoseAnnouncementNeverRanIsAnnouncedByTheNextPass() throws Exception {
        relay.stop(); // as if the process died right after the save

        String id = create("Crash Test Amplifier", "99");

        Document saved = stored(id);
        assertThat(saved.getBoolean("announcePending")).isTrue();
        assertThat(saved.getLong("announcedRevision")).isZero();
        await().during(SEVERAL_SWEEPS)
                .atMost(SEVERAL_SWEEPS.plusSeconds(2))
                .until(() -> topic.eventsFor(id).isEmpty());

        relay.start(); // the restarted service's first sweep

        await().atMost(Duration.ofSeconds(20)).until(() -> topic.eventsFor(id).size() == 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> !stored(id).getBoolean("announcePending"));
        assertThat(stored(id).getLong("announcedRevision")).isEqualTo(1);
    }

    @Test
    void aCrashAfterTheSendBeforeTheMarkAnnouncesAgainAndLosesNothing() throws Exception {
        AtomicBoolean dead = new AtomicBoolean();
        doAnswer(invocation -> {
                    if (dead.compareAndSet(false, true)) {
                        invocation.callRealMethod(); // Kafka has the event…
                    }
                    throw new IllegalStateException("injected crash"); // …but the process dies before clearing the flag
                })
                .when(bridge)
                .send(anyString(), any(Object.class));

        String id = create("Crash Between Send And Mark", "99");
        await().atMost(Duration.ofSeconds(20)).untilTrue(dead);
        relay.stop();
        Mockito.reset(bridge); // the restarted process sends for real

        assertThat(stored(id).getBoolean("announcePending"))
                .as("still pending after the crash")
                .isTrue();
        await().atMost(Duration.ofSeconds(20)).until(() -> topic.eventsFor(id).size() == 1);

        relay.start();

        await().atMost(Duration.ofSeconds(20)).until(() -> !stored(id).getBoolean("announcePending"));
        assertThat(stored(id).getLong("announcedRevision")).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> topic.eventsFor(id).size() == 2);
        assertThat(topic.eventsFor(id))
                .as("announced again, the same state: consumers drop the duplicate")
                .allSatisfy(event -> assertThat(
                                json.readTree(event.value()).get("revision").asLong())
                        .isEqualTo(1));
    }

    @Test
    void aCrashBeforeTheSendLeavesTheSaveToTheNextProcess() throws Exception {
        doThrow(new IllegalStateException("injected crash")).when(bridge).send(anyString(), any(Object.class));

        String id = create("Crash Before Send", "99");
        await().during(SEVERAL_SWEEPS)
                .atMost(SEVERAL_SWEEPS.plusSeconds(2))
                .until(() -> topic.eventsFor(id).isEmpty());
        relay.stop();
        Mockito.reset(bridge);
        assertThat(stored(id).getBoolean("announcePending")).isTrue();

        relay.start();

        await().atMost(Duration.ofSeconds(20)).until(() -> topic.eventsFor(id).size() == 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> !stored(id).getBoolean("announcePending"));
    }

    @Test
    void aSaveMadeWhileKafkaIsDownIsAnnouncedOnceItIsBack() throws Exception {
        var kafka = DevServices.kafka();
        kafka.stop();
        String id;
        try {
            id = create("Outage Test Receiver", "99");

            await().during(SEVERAL_SWEEPS)
                    .atMost(SEVERAL_SWEEPS.plusSeconds(2))
                    .until(() -> stored(id).getBoolean("announcePending"));
        } finally {
            kafka.start();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> !topic.eventsFor(id).isEmpty());
        await().atMost(Duration.ofSeconds(10)).until(() -> !stored(id).getBoolean("announcePending"));
        assertThat(topic.eventsFor(id))
                .allSatisfy(event -> assertThat(
                                json.readTree(event.value()).get("revision").asLong())
                        .isEqualTo(1));
    }

    @Test
    void aRefusedWriteLeavesNothingToAnnounce() throws Exception {
        String id = create("Refusal Test Deck", "99");
        await().atMost(Duration.ofSeconds(20)).until(() -> !stored(id).getBoolean("announcePending"));
        relay.stop();

        mvc.perform(put("/api/products/" + id)
                        .with(editor())
                        .header(HttpHeaders.IF_MATCH, "\"7\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body("Stale", "1")))
                .andExpect(status().isPreconditionFailed());
        mvc.perform(put("/api/products/" + id)
                        .with(editor())
                        .header(HttpHeaders.IF_MATCH, "\"1\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"\", \"kind\": \"gear\"}"))
                .andExpect(status().isBadRequest());

        Document after = stored(id);
        assertThat(after.getBoolean("announcePending")).isFalse();
        assertThat(after.getLong("revision")).isEqualTo(1);
        assertThat(relay.relayPending())
                .as("a pass after refused writes announces nothing")
                .isZero();
        assertThat(topic.eventsFor(id)).hasSize(1);
    }
}
