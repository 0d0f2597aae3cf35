package io.roundup.launcher;

import io.roundup.launcher.demo.DemoSeeding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.LoggerFactory;

/** {@code ./roundup up}: starts the platform, prints what runs where, and stops everything on Ctrl-C or SIGTERM. */
public final class Roundup {

    private Roundup() {}

    public static void main(String[] args) {
        if (args.length == 0 || !args[0].equals("up")) {
            System.err.println(LaunchOptions.USAGE);
            System.exit(2);
        }
        LaunchOptions options = LaunchOptions.parseOrExit(List.of(args).subList(1, args.length));
        Map<String, String> env = System.getenv();
        Path projectDir = Path.of("").toAbsolutePath();
        Path dataDir = Path.of(env.getOrDefault("ROUNDUP_DATA_DIR", ".roundup")).toAbsolutePath();
        PlatformSettings settings;
        try {
            settings = PlatformSettings.local(projectDir, dataDir, env).with(options);
        } catch (StartupFailure ex) {
            System.err.println("roundup: " + ex.getMessage());
            System.exit(1);
            return;
        }

        Path launcherLog = dataDir.resolve("logs").resolve("launcher.log");
        try {
            Files.createDirectories(launcherLog.getParent());
        } catch (IOException ex) {
            System.err.println("roundup: cannot create " + launcherLog.getParent() + ": " + ex.getMessage());
            System.exit(1);
            return;
        }
        // before anything logs: the libraries' lines go to this file, not the console (see logback.xml)
        System.setProperty("roundup.launcher.log", launcherLog.toString());
        // configured here, in one thread: the servers starting side by side would otherwise log while it is under way
        LoggerFactory.getILoggerFactory();

        long started = System.nanoTime();
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean stopping = new AtomicBoolean();
        // made before the hook, so that a signal at any moment finds it: close() then interrupts the start-up
        Platform platform = Platform.prepare(settings);
        Thread shutdown = new Thread(
                () -> {
                    stopping.set(true);
                    System.out.println("\nStopping Roundup …");
                    if (platform.writingCaches()) {
                        // else a silent minute on the first stop after a build looks like a hang
                        System.out.println("The services are writing their start-up caches (first stop after a"
                                + " build; the next start is faster): this takes up to 2 minutes.");
                    }
                    platform.close();
                    System.out.println("Roundup stopped.");
                    stopped.countDown();
                },
                "roundup-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);

        try {
            platform.startAll(System.out::println);
        } catch (StartupFailure ex) {
            if (!stopping.get()) {
                System.err.println("roundup: " + ex.getMessage());
                System.exit(1);
            }
            return; // stopping: the shutdown hook ends the JVM once everything has stopped
        }

        if (DemoSeeding.wanted(env, settings.dataDir())) {
            // a failure is only reported: the platform is up and useful without the demo content
            DemoSeeding.seed(
                    platform.gatewayUri(), settings.editorPassword(), settings.dataDir(), System.out::println, line -> {
                        if (!stopping.get()) {
                            System.err.println(line);
                        }
                    });
        }
        if (stopping.get()) {
            return;
        }

        System.out.printf("%nRoundup is up in %.0f s:%n", (System.nanoTime() - started) / 1e9);
        platform.describe().forEach(System.out::println);
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
        System.out.println("Site: " + platform.siteUri());
        System.out.println("Try: curl -s '" + platform.gatewayUri() + "/api/search?q=headphones'");
        System.out.println("Press Ctrl-C to stop.");

        watch(platform, stopping, stopped);
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
