package io.roundup.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Ctrl-C (SIGTERM) while {@code ./roundup up} is still starting — the most likely moment for a newcomer to change their
 * mind — stops everything within the normal stop time and leaves no process behind, however far start-up had got.
 */
class FirstRunIT {

    /**
     * A full stop takes about ten seconds on a quiet machine; an abandoned start-up once left a process for a minute.
     * The bound sits between the two, with room for a loaded CI machine: it catches a leftover, not a slow stop.
     */
    private static final Duration NORMAL_STOP = Duration.ofSeconds(30);

    private static final Duration PHASE_TIMEOUT = Duration.ofMinutes(3);

    @Test
    void stoppingWhileTheServersStartLeavesNothingRunning() throws IOException {
        LaunchedRoundup roundup = launch();
        roundup.awaitConsole("Starting Kafka, Elasticsearch and MongoDB", PHASE_TIMEOUT);
        // Kafka's JVM and Elasticsearch's supervisor (or its plugin installer) are running
        await().atMost(PHASE_TIMEOUT).until(() -> roundup.descendantCount() >= 2);

        assertStopsLeavingNothingBehind(roundup);
    }

    @Test
    void stoppingWhileTheServicesStartLeavesNothingRunning() throws IOException {
        LaunchedRoundup roundup = launch();
        roundup.awaitConsole("Starting gateway, article-service, product-service and search-service", PHASE_TIMEOUT);

        assertStopsLeavingNothingBehind(roundup);
    }

    private static LaunchedRoundup launch() throws IOException {
        Path projectDir = Path.of(System.getProperty("roundup.project-dir", ".."))
                .toAbsolutePath()
                .normalize();
        return LaunchedRoundup.launch(projectDir, "e2e-" + UUID.randomUUID());
    }

    private static void assertStopsLeavingNothingBehind(LaunchedRoundup roundup) {
        LaunchedRoundup.StopReport report = roundup.stopLeavingNothingBehind("during start-up");
        assertThat(report.stoppedIn()).as("from SIGTERM to the launcher's exit").isLessThan(NORMAL_STOP);
        assertThat(roundup.console()).doesNotContain("Roundup is up");
    }
}
