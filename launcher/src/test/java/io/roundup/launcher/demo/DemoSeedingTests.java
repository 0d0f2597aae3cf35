package io.roundup.launcher.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.roundup.launcher.demo.DemoPublisher.Published;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Demo content is seeded once per data folder, can be turned off, and a failure only costs a line on stderr. */
class DemoSeedingTests {

    @TempDir
    Path dataDir;

    private final List<String> progress = new ArrayList<>();

    private final List<String> problems = new ArrayList<>();

    @Test
    void isWantedOnAFreshDataFolderUnlessTurnedOff() {
        assertThat(DemoSeeding.wanted(Map.of(), dataDir)).isTrue();
        assertThat(DemoSeeding.wanted(Map.of("ROUNDUP_SEED_DEMO", "true"), dataDir))
                .isTrue();
        assertThat(DemoSeeding.wanted(Map.of("ROUNDUP_SEED_DEMO", "false"), dataDir))
                .isFalse();
        assertThat(DemoSeeding.wanted(Map.of("ROUNDUP_SEED_DEMO", " FALSE "), dataDir))
                .isFalse();
    }

    @Test
    void isNotWantedOnceTheMarkerIsThere() throws IOException {
        Files.writeString(dataDir.resolve("demo-seeded"), "");

        assertThat(DemoSeeding.wanted(Map.of(), dataDir)).isFalse();
    }

    @Test
    void writesTheMarkerAfterPublishingAndSaysHowMuchAndHowLong() {
        boolean seeded = DemoSeeding.seed(
                dataDir, DemoCatalog::load, catalog -> new Published(21, 6), progress::add, problems::add);

        assertThat(seeded).isTrue();
        assertThat(progress).hasSize(2);
        assertThat(progress.getFirst()).isEqualTo("Seeding demo content: 6 roundups, 21 products …");
        assertThat(progress.getLast()).matches("  seeded in \\d+\\.\\d s");
        assertThat(problems).isEmpty();
        assertThat(dataDir.resolve("demo-seeded")).content().contains("6 roundups, 21 products");
        assertThat(DemoSeeding.wanted(Map.of(), dataDir)).isFalse();
    }

    @Test
    void aFailureIsReportedOnOneLineAndLeavesNoMarkerSoTheNextStartRetries() {
        boolean seeded = DemoSeeding.seed(
                dataDir,
                DemoCatalog::load,
                catalog -> {
                    throw new SeedingFailed("product aurora-anc-pro: 400 Bad Request: The request has invalid fields.");
                },
                progress::add,
                problems::add);

        assertThat(seeded).isFalse();
        assertThat(problems)
                .containsExactly(
                        "roundup: demo content not seeded: product aurora-anc-pro: 400 Bad Request: The request has invalid fields.");
        assertThat(dataDir.resolve("demo-seeded")).doesNotExist();
        assertThat(DemoSeeding.wanted(Map.of(), dataDir)).isTrue();
    }

    @Test
    void anUnexpectedErrorIsReportedToo() {
        boolean seeded = DemoSeeding.seed(
                dataDir,
                () -> {
                    throw new IllegalStateException("broken\nsecond line");
                },
                catalog -> new Published(0, 0),
                progress::add,
                problems::add);

        assertThat(seeded).isFalse();
        assertThat(problems).containsExactly("roundup: demo content not seeded: IllegalStateException: broken");
        assertThat(progress).isEmpty();
    }
}
