package io.roundup.e2e;

import static org.assertj.core.api.Assertions.assertThat;
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
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;

/**
 * {@code ./roundup up} as a newcomer runs it: the script, from a checkout inside a folder that only its owner may enter
 * (as a clone in Debian's {@code /root}, mode 700), on free ports, with the data folder where it goes by default
 * ({@code .roundup} in the checkout), its console read like a user reads it. The checkout holds what {@code ./mvnw
 * package} built in the real one (linked, not rebuilt). The tests get the gateway's address and the generated password
 * from that console, and {@link #stop()} sends SIGTERM and reports what, if anything, outlived the launcher.
 */
final class LaunchedRoundup {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

    /**
     * The first stop after a build writes every service's ahead-of-time cache, for which the launcher waits up to two
     * minutes (Platform), and then stops the servers: the bound leaves room for both on a loaded machine.
     */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(180);

    private static final Pattern GENERATED_ADMIN = Pattern.compile("^\\s+admin\\s+/\\s+(\\S+)");

    /** What the launcher runs from the checkout: its jar and libraries, and each service's jar. */
    private static final List<String> MODULES =
            List.of("launcher", "gateway", "article-service", "product-service", "search-service", "web");

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final Process process;

    private final Path home;

    private final Path checkout;

    private final Map<String, Integer> ports;

    private final List<String> console = Collections.synchronizedList(new ArrayList<>());

    private final String editorPassword;

    /** The launcher leads a session of its own when setsid is at hand: then whatever it started can be found. */
    private final boolean ownSession;

    private final Instant launched = Instant.now();

    private Duration startedIn;

    private Thread consoleReader;

    private LaunchedRoundup(
            Process process,
            Path home,
            Path checkout,
            Map<String, Integer> ports,
            String editorPassword,
            boolean ownSession) {
        this.process = process;
        this.home = home;
        this.checkout = checkout;
        this.ports = ports;
        this.editorPassword = editorPassword;
        this.ownSession = ownSession;
    }

    /** Starts the launcher and waits until it says the platform is up; fails with its console when it does not. */
    static LaunchedRoundup start(Path projectDir, String editorPassword) throws IOException {
        return start(projectDir, editorPassword, List.of(), Map.of(), START_TIMEOUT);
    }

    /** As {@link #start(Path, String)}, with settings of the platform's own in its environment (benchmarks use it). */
    static LaunchedRoundup start(Path projectDir, String editorPassword, Map<String, String> environment)
            throws IOException {
        return start(projectDir, editorPassword, List.of(), environment, START_TIMEOUT);
    }

    /**
     * The same with arguments after {@code ./roundup up} (such as {@code --scale search-service=2}), settings in its
     * environment and a start-up time of its own; a platform of its own, on other ports and with its own data.
     */
    static LaunchedRoundup start(
            Path projectDir, String editorPassword, List<String> args, Map<String, String> env, Duration timeout)
            throws IOException {
        LaunchedRoundup roundup = launch(projectDir, editorPassword, args, env);
        try {
            roundup.awaitConsole("Roundup is up", timeout);
        } catch (IllegalStateException ex) {
            roundup.stop();
            throw ex;
        }
        roundup.startedIn = Duration.between(roundup.launched, Instant.now());
        return roundup;
    }

    /** Runs {@code ./roundup up} in a fresh checkout and returns at once, for tests that stop it while it starts. */
    static LaunchedRoundup launch(Path projectDir, String editorPassword) throws IOException {
        return launch(projectDir, editorPassword, List.of(), Map.of());
    }

    private static LaunchedRoundup launch(
            Path projectDir, String editorPassword, List<String> args, Map<String, String> settings)
            throws IOException {
        Path home = Files.createTempDirectory("roundup-home-");
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
        Path checkout = Files.createDirectory(home.resolve("roundup"));
        populate(checkout, projectDir);

        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String part :
                List.of("GATEWAY", "ARTICLE", "PRODUCT", "SEARCH", "KAFKA", "ELASTICSEARCH", "MONGODB", "WEB")) {
            ports.put(part, freePort(ports.values()));
        }
        List<String> command = new ArrayList<>();
        boolean ownSession = Files.isExecutable(SETSID);
        if (ownSession) {
            command.add(SETSID.toString());
        }
        command.addAll(List.of("./roundup", "up"));
        command.addAll(args);
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(checkout.toFile()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.remove("ROUNDUP_DATA_DIR"); // the default: .roundup in the checkout
        env.put("ROUNDUP_EDITOR_PASSWORD", editorPassword);
        env.remove("ROUNDUP_ADMIN_PASSWORD");
        ports.forEach((part, port) -> env.put("ROUNDUP_" + part + "_PORT", Integer.toString(port)));
        // the site's pages hold four results, so that the six demo roundups span pages ("more results")
        env.put("ROUNDUP_WEB_PAGE_SIZE", "4");
        env.putAll(settings);

        Process process = builder.start();
        LaunchedRoundup roundup = new LaunchedRoundup(
                process,
                home,
                checkout,
                ports,
                editorPassword,
                ownSession && sessionOf(process.pid()) == process.pid());
        roundup.consoleReader = new Thread(roundup::readConsole, "roundup-console");
        roundup.consoleReader.setDaemon(true);
        roundup.consoleReader.start();
        return roundup;
    }

    /**
     * The built jars, the launcher's libraries and the script, as a clone that was built holds them: hard links where
     * the file system allows, symbolic links elsewhere (the launcher only reads them).
     */
    private static void populate(Path checkout, Path projectDir) throws IOException {
        Files.copy(projectDir.resolve("roundup"), checkout.resolve("roundup"), StandardCopyOption.COPY_ATTRIBUTES);
        for (String module : MODULES) {
            Path jar = projectDir.resolve(module).resolve("target").resolve(module + "-0.1.0-SNAPSHOT.jar");
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is missing: run the tests through ./mvnw verify");
            }
            link(jar, checkout.resolve(projectDir.relativize(jar)));
        }
        Path lib = projectDir.resolve("launcher/target/lib");
        try (Stream<Path> files = Files.list(lib)) {
            for (Path file : files.toList()) {
                link(file, checkout.resolve(projectDir.relativize(file)));
            }
        }
    }

    private static void link(Path original, Path copy) throws IOException {
        Files.createDirectories(copy.getParent());
        try {
            Files.createLink(copy, original);
        } catch (IOException | UnsupportedOperationException ex) {
            Files.createSymbolicLink(copy, original);
        }
    }

    /** Waits until the console shows the text; fails with the console when the launcher ends or takes too long. */
    void awaitConsole(String text, Duration timeout) {
        try {
            await().atMost(timeout)
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> consoleContains(text) || !process.isAlive());
        } catch (ConditionTimeoutException ex) {
            throw new IllegalStateException(
                    "./roundup up did not print \"" + text + "\" within " + timeout.toSeconds() + " s:\n" + console());
        }
        if (!consoleContains(text)) {
            throw new IllegalStateException("./roundup up ended before it printed \"" + text + "\":\n" + console());
        }
    }

    URI gatewayUri() {
        return URI.create("http://127.0.0.1:" + ports.get("GATEWAY"));
    }

    /** Kafka's bootstrap address, for tests that look at consumer groups and benchmarks that write events onto it. */
    String kafkaBootstrapServers() {
        return "127.0.0.1:" + ports.get("KAFKA");
    }

    /**
     * The JVM of one copy of a service, by the name the launcher gives it ({@code search-service-2}): the one whose
     * start-up cache (ahead-of-time cache or class-data archive) bears that name.
     */
    ProcessHandle serviceProcess(String copyName) {
        List<ProcessHandle> matching = process.descendants()
                .filter(p -> p.info().commandLine().orElse("").contains("/cds/" + copyName + ".")) // .aot or .jsa
                .toList();
        assertThat(matching).as("the process of " + copyName).hasSize(1);
        return matching.getFirst();
    }

    /** search-service itself (its actuator), for benchmarks that read its metrics. */
    URI searchServiceUri() {
        return URI.create("http://127.0.0.1:" + ports.get("SEARCH"));
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

    /** The folder the checkout lies in, which only its owner may enter. */
    Path home() {
        return home;
    }

    /** The data folder: {@code .roundup} in the checkout, as a newcomer's first run has it. */
    Path dataDir() {
        return checkout.resolve(".roundup");
    }

    /** Where Elasticsearch keeps its data: the data folder, or the folder its {@code node} link points to. */
    Path elasticsearchData() {
        Path link = dataDir().resolve("elasticsearch/node");
        try {
            return Files.isSymbolicLink(link)
                    ? Files.readSymbolicLink(link)
                    : dataDir().resolve("elasticsearch");
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
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

    List<String> consoleLines() {
        synchronized (console) {
            return List.copyOf(console);
        }
    }

    /** How many processes the launcher has started that still run. */
    long descendantCount() {
        return process.descendants().count();
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
     * it had started that is still alive — its descendants, and whatever else is in its session (a process whose
     * parent died is no one's descendant) — then removes the checkout and the data.
     */
    StopReport stop() {
        Set<ProcessHandle> started = new LinkedHashSet<>(process.descendants().toList());
        started.addAll(sessionMembers());
        Instant signalled = Instant.now();
        process.toHandle().destroy(); // SIGTERM; Process.destroy() would also close the console before its last lines
        Integer exitCode = null;
        try {
            if (process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                exitCode = process.exitValue();
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        Duration stoppedIn = Duration.between(signalled, Instant.now());
        started.addAll(sessionMembers());
        try {
            consoleReader.join(Duration.ofSeconds(5)); // the last lines the launcher printed
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        // A process killed a moment ago is a zombie until its new parent reaps it: give the dead two seconds to go.
        List<ProcessHandle> others =
                started.stream().filter(child -> child.pid() != process.pid()).toList();
        try {
            await().atMost(Duration.ofSeconds(2))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> others.stream().noneMatch(LaunchedRoundup::running));
        } catch (ConditionTimeoutException ex) {
            // named below
        }
        List<String> survivors = new ArrayList<>();
        for (ProcessHandle child : others) {
            if (running(child)) {
                survivors.add(child.pid() + " " + child.info().commandLine().orElse(stateOf(child.pid())));
                child.destroyForcibly();
            }
        }
        if (process.isAlive()) {
            survivors.add("the launcher itself");
            process.destroyForcibly();
        }
        keepLogs();
        Path elasticsearchData = elasticsearchData();
        deleteRecursively(home);
        if (!elasticsearchData.startsWith(home)) {
            deleteRecursively(elasticsearchData);
        }
        return new StopReport(exitCode, stoppedIn, survivors);
    }

    /**
     * @param exitCode null when the launcher did not exit in time
     * @param stoppedIn from SIGTERM to the launcher's exit, which waits for everything it started
     * @param survivors the processes that outlived the launcher (killed since)
     */
    record StopReport(Integer exitCode, Duration stoppedIn, List<String> survivors) {}

    /**
     * SIGTERM, as a user's Ctrl-C ({@code moment} says when, for the log), and the checks that the platform stopped
     * completely: no process outlived the launcher, it exited, no port stays bound, it said so.
     */
    StopReport stopLeavingNothingBehind(String moment) {
        StopReport report = stop();
        System.out.printf(
                "[e2e] SIGTERM %s: stopped in %.1f s%n",
                moment, report.stoppedIn().toMillis() / 1e3);
        assertThat(report.survivors())
                .as("processes left running after the launcher stopped")
                .isEmpty();
        assertThat(report.exitCode())
                .as("the launcher's exit code after SIGTERM")
                .isNotNull();
        assertThat(portsStillListening()).as("ports still listening").isEmpty();
        assertThat(console()).contains("Roundup stopped.");
        return report;
    }

    /** The processes in the launcher's session (itself included while it runs). */
    private List<ProcessHandle> sessionMembers() {
        if (!ownSession) {
            return List.of();
        }
        return ProcessHandle.allProcesses()
                .filter(handle -> sessionOf(handle.pid()) == process.pid())
                .toList();
    }

    /** Alive and not a zombie: a zombie has ended and only waits to be reaped. */
    private static boolean running(ProcessHandle handle) {
        return handle.isAlive() && !stateOf(handle.pid()).contains(") Z");
    }

    /** "pid (comm) state …" from {@code /proc/<pid>/stat}, for what cannot be named by its command line. */
    private static String stateOf(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            int end = stat.lastIndexOf(')');
            return end < 0 ? stat.strip() : stat.substring(0, Math.min(stat.length(), end + 3));
        } catch (IOException | RuntimeException ex) {
            return "(gone)";
        }
    }

    /** The session id from {@code /proc/<pid>/stat}, or -1 when it cannot be read. */
    private static long sessionOf(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // "pid (comm) state ppid pgrp session …", where comm may hold spaces and parentheses
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[3]);
        } catch (IOException | RuntimeException ex) {
            return -1;
        }
    }

    /** The logs go to target/roundup-logs/<home>, for a look after a failed run; the rest of the data goes. */
    private void keepLogs() {
        Path kept = Path.of("target", "roundup-logs", home.getFileName().toString());
        try {
            Files.createDirectories(kept);
            Path logs = dataDir().resolve("logs");
            if (Files.isDirectory(logs)) {
                try (Stream<Path> files = Files.list(logs)) {
                    for (Path file : files.toList()) {
                        Files.copy(file, kept.resolve(file.getFileName()));
                    }
                }
            }
            for (String server : List.of("kafka/kafka.log", "elasticsearch/elasticsearch.log")) {
                Path log = dataDir().resolve(server);
                if (Files.isRegularFile(log)) {
                    Files.copy(log, kept.resolve(log.getFileName()));
                }
            }
            Files.writeString(kept.resolve("console.log"), console() + "\n");
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

    /**
     * A free loopback port that is neither one of {@code taken} nor where a further copy of a part would listen
     * (a part's port + 100 * k): the launcher refuses two parts on one port, so a chance collision would fail a run.
     */
    private static int freePort(Collection<Integer> taken) throws IOException {
        while (true) {
            int port;
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            }
            int candidate = port;
            boolean clashes =
                    taken.stream().anyMatch(other -> other == candidate || Math.abs(other - candidate) % 100 == 0);
            if (!clashes) {
                return port;
            }
        }
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("could not remove " + root, ex);
        }
    }
}
