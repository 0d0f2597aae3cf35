package io.roundup.launcher.demo;

import io.roundup.launcher.demo.DemoPublisher.Published;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Seeds the demo roundups on a data folder's first start. A failure never stops the platform: it is reported, and as
 * no marker is written, the next start tries again, resuming from the journal rather than creating things twice.
 */
public final class DemoSeeding {

    /** {@code ROUNDUP_SEED_DEMO=false} starts with an empty platform. */
    public static final String FLAG = "ROUNDUP_SEED_DEMO";

    /** In the data folder once the demo content has been published; delete it to seed again. */
    static final String MARKER = "demo-seeded";

    /** What a seeding that has not finished has done so far; the next start resumes from it. */
    static final String JOURNAL = "demo-seeding.journal";

    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);

    private DemoSeeding() {}

    /** Whether this start seeds: the flag does not say {@code false} and the data folder has not been seeded yet. */
    public static boolean wanted(Map<String, String> env, Path dataDir) {
        String flag = env.getOrDefault(FLAG, "true").strip().toLowerCase(Locale.ROOT);
        return !flag.equals("false") && !Files.exists(dataDir.resolve(MARKER));
    }

    /**
     * Publishes the demo content through the gateway as the {@code editor} user and writes the marker; reports
     * progress lines to {@code progress}, and a failure as one line to {@code problems}.
     */
    public static boolean seed(
            URI gateway, String editorPassword, Path dataDir, Consumer<String> progress, Consumer<String> problems) {
        DemoJournal journal = DemoJournal.open(dataDir.resolve(JOURNAL));
        boolean seeded = seed(
                dataDir,
                DemoCatalog::load,
                catalog -> new DemoPublisher(gateway, RETRY_PAUSE).publish(catalog, editorPassword, journal),
                progress,
                problems);
        if (seeded) {
            journal.delete();
        }
        return seeded;
    }

    static boolean seed(
            Path dataDir,
            Supplier<DemoCatalog> catalog,
            Function<DemoCatalog, Published> publisher,
            Consumer<String> progress,
            Consumer<String> problems) {
        long started = System.nanoTime();
        try {
            DemoCatalog demo = catalog.get();
            progress.accept("Seeding demo content: " + demo.roundups().size() + " roundups, "
                    + demo.products().size() + " products …");
            Published published = publisher.apply(demo);
            writeMarker(dataDir, published);
            progress.accept(String.format("  seeded in %.1f s", (System.nanoTime() - started) / 1e9));
            return true;
        } catch (RuntimeException | LinkageError ex) {
            // LinkageError too: a launcher jar beside a stale lib/ folder must still leave the platform running
            problems.accept("roundup: demo content not seeded: " + reason(ex));
            return false;
        }
    }

    private static void writeMarker(Path dataDir, Published published) {
        Path marker = dataDir.resolve(MARKER);
        String text = "Demo content seeded at " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ": "
                + published.roundups() + " roundups, " + published.products() + " products.\n"
                + "Delete this file to seed it again on the next start; " + FLAG + "=false turns seeding off.\n";
        try {
            Files.createDirectories(dataDir);
            Files.writeString(marker, text);
        } catch (IOException ex) {
            throw new SeedingFailed(
                    "it was published, but " + marker + " could not be written, so the next start "
                            + "publishes it again (" + ex.getMessage() + ")",
                    ex);
        }
    }

    private static String reason(Throwable ex) {
        if (ex instanceof SeedingFailed) {
            return ex.getMessage();
        }
        String message = ex.getMessage() == null
                ? ""
                : ": " + ex.getMessage().lines().findFirst().orElse("");
        return ex.getClass().getSimpleName() + message;
    }
}
