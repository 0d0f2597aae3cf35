package io.roundup.e2e;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

/**
 * {@code ./roundup up} as a user runs it: the launcher jar in a process of its own, on free ports and a fresh data
 * folder, its console read like a user reads it. The tests get the gateway's address and the generated password from
 * that console, and {@link #stop()} sends SIGTERM and reports what, if anything, outlived the launcher.
 */
final class LaunchedRoundup {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(90);

    private static final Pattern GENERATED_ADMIN = Pattern.compile("^\\s+admin\\s+/\\s+(\\S+)");

    private final Process process;

    private final Path dataDir;

    private final Map<String, Integer> ports;

    private final List<String> console = Collections.synchronizedList(new ArrayList<>());

    private final String editorPassword;

    private Duration startedIn;

    private Thread consoleReader;

    private LaunchedRoundup(Process process, Path dataDir, Map<String, Integer> ports, String editorPassword) {
        this.process = process;
        this.dataDir = dataDir;
        this.ports = ports;
        this.editorPassword = editorPassword;
    }

    /** Starts the launcher and waits until it says the platform is up; fails with its console when it does not. */
    static LaunchedRoundup start(Path projectDir, String editorPassword) throws IOException {
        Path jar = projectDir.resolve("launcher/target/launcher-0.1.0-SNAPSHOT.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run the tests through ./mvnw verify");
        }
        // Under /tmp, not target/: when the tests run as root, Elasticsearch runs as an unprivileged user who must be
        // able to reach its data folder, and a checkout's parents need not be world-searchable.
        Path dataDir = Files.createTempDirectory("roundup-e2e-");
        dataDir.toFile().setReadable(true, false);
        dataDir.toFile().setExecutable(true, false);

        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String part : List.of("GATEWAY", "ARTICLE", "PRODUCT", "SEARCH", "KAFKA", "ELASTICSEARCH", "MONGODB")) {
            ports.put(part, freePort());
        }
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-XX:TieredStopAtLevel=1",
                        "-jar",
                        jar.toString(),
                        "up")
                .directory(projectDir.toFile())
                .redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("ROUNDUP_DATA_DIR", dataDir.toString());
        env.put("ROUNDUP_EDITOR_PASSWORD", editorPassword);
        env.remove("ROUNDUP_ADMIN_PASSWORD");
        ports.forEach((part, port) -> env.put("ROUNDUP_" + part + "_PORT", Integer.toString(port)));

        Instant started = Instant.now();
        Process process = builder.start();
        LaunchedRoundup roundup = new LaunchedRoundup(process, dataDir, ports, editorPassword);
        roundup.consoleReader = new Thread(roundup::readConsole, "roundup-console");
        roundup.consoleReader.setDaemon(true);
        roundup.consoleReader.start();

        try {
            await("./roundup up saying Roundup is up")
                    .atMost(START_TIMEOUT)
                    .pollInterval(Duration.ofMillis(200))
                    .failFast("the launcher exited", () -> !process.isAlive())
                    .until(() -> roundup.consoleContains("Roundup is up"));
        } catch (ConditionTimeoutException | TerminalFailureException ex) {
            roundup.stop();
            throw new IllegalStateException(
                    "./roundup up did not come up (" + ex.getMessage() + "):\n" + roundup.console());
        }
        roundup.startedIn = Duration.between(started, Instant.now());
        return roundup;
    }

    URI gatewayUri() {
        return URI.create("http://127.0.0.1:" + ports.get("GATEWAY"));
    }

    /** Elasticsearch as the launcher was told to bind it, for benchmarks that compare the gateway with it. */
    URI elasticsearchUri() {
        return URI.create("http://127.0.0.1:" + ports.get("ELASTICSEARCH"));
    }

    String editorPassword() {
        return editorPassword;
    }

    Duration startedIn() {
        return startedIn;
    }

    /** The admin password the launcher generated and printed, as a user would copy it from the console. */
    Optional<String> printedAdminPassword() {
        synchronized (console) {
            for (String line : console) {
                Matcher matcher = GENERATED_ADMIN.matcher(line);
                if (matcher.find()) {
                    return Optional.of(matcher.group(1));
                }
            }
        }
        return Optional.empty();
    }

    String console() {
        synchronized (console) {
            return String.join("\n", console);
        }
    }

    /** The platform's loopback ports that something still listens on. */
    List<Integer> portsStillListening() {
        List<Integer> busy = new ArrayList<>();
        for (int port : ports.values()) {
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
            } catch (IOException ex) {
                busy.add(port);
            }
        }
        return busy;
    }

    /**
     * SIGTERM to the launcher, as a service manager or Ctrl-C sends it; waits for it to exit and lists every process
     * it had started that is still alive, then removes the data folder.
     */
    StopReport stop() {
        List<ProcessHandle> started = process.descendants().toList();
        process.toHandle().destroy(); // SIGTERM; Process.destroy() would also close the console before its last lines
        Integer exitCode = null;
        try {
            if (process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                exitCode = process.exitValue();
            }
            consoleReader.join(Duration.ofSeconds(5)); // the last lines the launcher printed
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        List<String> survivors = new ArrayList<>();
        for (ProcessHandle child : started) {
            if (child.isAlive()) {
                survivors.add(child.pid() + " " + child.info().commandLine().orElse("?"));
                child.destroyForcibly();
            }
        }
        if (process.isAlive()) {
            survivors.add("the launcher itself");
            process.destroyForcibly();
        }
        keepLogs();
        deleteRecursively(dataDir);
        return new StopReport(exitCode, survivors);
    }

    record StopReport(Integer exitCode, List<String> survivors) {}

    /** The services' logs go to target/roundup-logs, for a look after a failed run; the rest of the data goes. */
    private void keepLogs() {
        Path logs = dataDir.resolve("logs");
        Path kept = Path.of("target", "roundup-logs");
        try {
            if (Files.isDirectory(kept)) {
                deleteRecursively(kept);
            }
            Files.createDirectories(kept);
            try (Stream<Path> files = Files.list(logs)) {
                for (Path file : files.toList()) {
                    Files.copy(file, kept.resolve(file.getFileName()));
                }
            }
            for (String server : List.of("kafka/kafka.log", "elasticsearch/elasticsearch.log")) {
                Path log = dataDir.resolve(server);
                if (Files.isRegularFile(log)) {
                    Files.copy(log, kept.resolve(log.getFileName()));
                }
            }
        } catch (IOException ex) {
            System.out.println("[roundup] could not keep the logs: " + ex);
        }
    }

    private void readConsole() {
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                console.add(line);
                System.out.println("[roundup] " + line);
            }
        } catch (IOException ex) {
            // the launcher has gone; what it printed is kept
        }
    }

    private boolean consoleContains(String text) {
        synchronized (console) {
            return console.stream().anyMatch(line -> line.contains(text));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("could not remove " + root, ex);
        }
    }
}
