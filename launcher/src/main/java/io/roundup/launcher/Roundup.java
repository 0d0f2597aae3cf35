package io.roundup.launcher;

import io.roundup.launcher.demo.DemoSeeding;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/** {@code ./roundup up}: starts the platform, prints what runs where, and stops everything on Ctrl-C or SIGTERM. */
public final class Roundup {

    private Roundup() {}

    public static void main(String[] args) {
        if (args.length == 0 || !args[0].equals("up")) {
            System.err.println("usage: roundup up");
            System.exit(2);
        }
        Map<String, String> env = System.getenv();
        Path projectDir = Path.of("").toAbsolutePath();
        Path dataDir = Path.of(env.getOrDefault("ROUNDUP_DATA_DIR", ".roundup")).toAbsolutePath();
        PlatformSettings settings;
        try {
            settings = PlatformSettings.local(projectDir, dataDir, env);
        } catch (StartupFailure ex) {
            System.err.println("roundup: " + ex.getMessage());
            System.exit(1);
            return;
        }

        long started = System.nanoTime();
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean stopping = new AtomicBoolean();
        Platform[] running = new Platform[1];
        Thread shutdown = new Thread(
                () -> {
                    stopping.set(true);
                    Platform platform = running[0];
                    if (platform != null) {
                        System.out.println("\nStopping Roundup …");
                        platform.close();
                        System.out.println("Roundup stopped.");
                    }
                    stopped.countDown();
                },
                "roundup-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);

        running[0] = Platform.prepare(settings);
        try {
            running[0].startAll(System.out::println);
        } catch (StartupFailure ex) {
            if (!stopping.get()) {
                System.err.println("roundup: " + ex.getMessage());
            }
            System.exit(1);
            return;
        }

        if (DemoSeeding.wanted(env, settings.dataDir())) {
            // a failure is only reported: the platform is up and useful without the demo content
            DemoSeeding.seed(
                    running[0].gatewayUri(),
                    settings.editorPassword(),
                    settings.dataDir(),
                    System.out::println,
                    line -> {
                        if (!stopping.get()) {
                            System.err.println(line);
                        }
                    });
        }

        System.out.printf("%nRoundup is up in %.0f s:%n", (System.nanoTime() - started) / 1e9);
        running[0].describe().forEach(System.out::println);
        if (!settings.generatedPasswords().isEmpty()) {
            System.out.println();
            System.out.println(
                    "Generated credentials (shown once; set ROUNDUP_EDITOR_PASSWORD / ROUNDUP_ADMIN_PASSWORD to choose your own):");
            if (settings.generatedPasswords().contains("editor")) {
                System.out.println("  editor / " + settings.editorPassword() + "   (role EDITOR)");
            }
            if (settings.generatedPasswords().contains("admin")) {
                System.out.println("  admin  / " + settings.adminPassword() + "   (roles ADMIN, EDITOR)");
            }
        }
        System.out.println();
        System.out.println("Try: curl -s '" + running[0].gatewayUri() + "/api/search?q=headphones'");
        System.out.println("Press Ctrl-C to stop.");

        watch(running[0], stopping, stopped);
    }

    /** Reports a service that dies while the platform is up, instead of leaving the user to guess. */
    private static void watch(Platform platform, AtomicBoolean stopping, CountDownLatch stopped) {
        List<String> reported = List.of();
        while (stopped.getCount() > 0) {
            List<String> down = platform.stoppedServices();
            if (!stopping.get() && !down.equals(reported)) {
                for (String service : down) {
                    if (!reported.contains(service)) {
                        System.err.println("roundup: " + service + " has stopped; see its log in "
                                + platform.settings().dataDir().resolve("logs"));
                    }
                }
                reported = down;
            }
            try {
                stopped.await(Duration.ofSeconds(2).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException ex) {
                return;
            }
        }
    }
}
