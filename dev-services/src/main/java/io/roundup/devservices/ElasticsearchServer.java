package io.roundup.devservices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real Elasticsearch node (single-node discovery, security off) run from the distribution zip as a child process,
 * listening on 127.0.0.1. As root it runs as uid 65534, since Elasticsearch refuses root.
 */
public final class ElasticsearchServer extends ChildServer {

    private static final String PART = "Elasticsearch";

    /** Where the heap starts; it grows towards {@link ElasticsearchSettings#heapMegabytes()} only as the node needs. */
    private static final int INITIAL_HEAP_MEGABYTES = 64;

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final ElasticsearchSettings settings;

    private final boolean asRoot = Directories.runningAsRoot();

    private Path home;

    private boolean ownHome;

    /** Where the node keeps config/, data/, logs/ and tmp/: the server directory, or its {@link NodeFolder}. */
    private Path node;

    private ElasticsearchServer(ElasticsearchSettings settings) {
        super(PART, settings.dataDirectory(), "roundup-es-run-", settings.port(), "elasticsearch.log");
        this.settings = settings;
    }

    /** Starts a node and waits until the cluster is yellow; throws {@link DevServiceException} when it does not. */
    public static ElasticsearchServer start(ElasticsearchSettings settings) {
        return started(new ElasticsearchServer(settings));
    }

    /** {@code http://127.0.0.1:<port>}, for {@code spring.elasticsearch.uris}. */
    public String httpUri() {
        return "http://" + Ports.LOOPBACK + ":" + port;
    }

    @Override
    String address() {
        return httpUri();
    }

    @Override
    ChildProcess launch() {
        Path javaHome = javaHome();
        if (home == null) {
            Path shared = ElasticsearchDistribution.shared();
            if (settings.plugins().isEmpty()) {
                home = shared;
            } else {
                ElasticsearchDistribution.Home withPlugins =
                        ElasticsearchDistribution.withPlugins(shared, settings.plugins(), javaHome, logFile());
                home = withPlugins.path();
                ownHome = withPlugins.own();
            }
        }
        if (node == null) {
            node = asRoot ? NodeFolder.of(directory) : directory;
        }
        prepareDirectories();

        List<String> command = new ArrayList<>(List.of("exec"));
        if (temporary) {
            command.addAll(List.of("--orphan-cleanup", directory.toString()));
            if (!node.equals(directory)) {
                command.addAll(List.of("--orphan-cleanup", node.toString()));
            }
        }
        if (ownHome) {
            command.addAll(List.of("--orphan-cleanup", home.toString()));
        }
        command.add("--");
        if (asRoot) {
            command.addAll(List.of(
                    setpriv(),
                    "--reuid=" + Directories.UNPRIVILEGED_ID,
                    "--regid=" + Directories.UNPRIVILEGED_ID,
                    "--clear-groups",
                    "--"));
        }
        command.add(home.resolve("bin/elasticsearch").toString());
        Map<String, String> environment = Map.of(
                "ES_JAVA_HOME", javaHome.toString(),
                "ES_PATH_CONF", node.resolve("config").toString(),
                "ES_TMPDIR", node.resolve("tmp").toString(),
                // A development node: the serial collector and a heap that starts small and grows only when needed
                // (no pre-touch), instead of G1 over a heap fixed at its maximum, which G1 soon touches all of: 245 MB
                // of RSS instead of 530 MB idle at 512 MB (the distribution's jvm.options selects G1, hence -UseG1GC
                // before +UseSerialGC). C1 alone unless the settings ask for C2 too (see optimizingCompiler); the
                // CLI, which only prepares the start, always runs on C1 alone.
                "ES_JAVA_OPTS",
                        "-Xms" + Math.min(INITIAL_HEAP_MEGABYTES, settings.heapMegabytes()) + "m -Xmx"
                                + settings.heapMegabytes()
                                + "m -XX:-AlwaysPreTouch -XX:-UseG1GC -XX:+UseSerialGC"
                                + (settings.optimizingCompiler() ? "" : " -XX:TieredStopAtLevel=1"),
                "CLI_JAVA_OPTS", "-XX:TieredStopAtLevel=1");
        // the supervising JVM is tiny: it only waits and relays signals
        List<String> supervisorOptions = List.of("-Xms8m", "-Xmx32m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
        return ChildProcess.startJava(PART, List.of(), supervisorOptions, command, environment, node, logFile());
    }

    @Override
    void awaitReady(ChildProcess launched) {
        Startup.await(
                PART,
                "healthy (yellow) at " + httpUri(),
                launched,
                logFile(),
                settings.startupTimeout(),
                this::healthy);
    }

    /** A private home with plugins (made when the kept one could not serve) is this server's own to delete. */
    @Override
    void afterClose() {
        if (ownHome) {
            delete(home);
        }
        if (temporary && node != null && !node.equals(directory)) {
            delete(node);
        }
    }

    /** The distribution the node runs from (with its plugins installed); null before the first start. */
    Path home() {
        return home;
    }

    /**
     * Where the node keeps its data: {@link #dataDirectory()}, or, when uid 65534 cannot reach that as root, the folder
     * its {@code node} link points to. Null before the first start.
     */
    public Path nodeDirectory() {
        return node;
    }

    private boolean healthy() {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(httpUri() + "/_cluster/health?wait_for_status=yellow&timeout=1s"))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DevServiceException(PART + ": interrupted while waiting for the node", e);
        }
    }

    /** Fresh config/ and tmp/ on every start; data/ and logs/ are kept. */
    private void prepareDirectories() {
        try {
            Path config = node.resolve("config");
            Directories.deleteRecursively(config);
            Directories.deleteRecursively(node.resolve("tmp"));
            copyTree(home.resolve("config"), config);
            for (String folder : List.of("data", "logs", "tmp")) {
                Files.createDirectories(node.resolve(folder));
            }
            Files.writeString(
                    config.resolve("elasticsearch.yml"),
                    String.join(
                            "\n",
                            "cluster.name: roundup-dev",
                            "node.name: roundup-dev",
                            "discovery.type: single-node",
                            "network.host: " + Ports.LOOPBACK,
                            "http.port: " + port,
                            "transport.port: " + Ports.free(),
                            "path.data: " + yamlString(node.resolve("data")),
                            "path.logs: " + yamlString(node.resolve("logs")),
                            "xpack.security.enabled: false",
                            // CI disks can be nearly full; a development node must not go read-only because of that
                            "cluster.routing.allocation.disk.threshold_enabled: false",
                            "action.destructive_requires_name: false",
                            // The parent circuit breaker counts the heap in use, garbage included, by default: under
                            // the serial collector a heap of uncollected garbage tripped it while 100k roundups were
                            // indexed (503 at 471 of 512 MB "real usage"). Counting what the node has reserved, as
                            // before Elasticsearch 7, still guards against requests that would not fit.
                            "indices.breaker.total.use_real_memory: false",
                            ""));
            if (asRoot && node.equals(directory)) {
                Directories.giveToUnprivileged(directory);
            } else if (asRoot) {
                // the folder itself stays root's, so that the node cannot rewrite the record of whose it is
                for (String folder : List.of("config", "data", "logs", "tmp")) {
                    Directories.giveToUnprivileged(node.resolve(folder));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new DevServiceException(PART + ": cannot prepare " + node + " (" + e + ")", e);
        }
    }

    private static Path javaHome() {
        Path javaHome = Path.of(System.getProperty("java.home"));
        if (Runtime.version().feature() < 21 || !Files.isExecutable(javaHome.resolve("bin/java"))) {
            throw new DevServiceException(
                    PART + ": needs a JDK 21 or newer; this JVM (" + javaHome + ") is " + Runtime.version());
        }
        if (Directories.runningAsRoot()) {
            Path blocked = Directories.firstNotTraversableByOthers(javaHome);
            if (blocked != null) {
                throw new DevServiceException(PART + ": uid " + Directories.UNPRIVILEGED_ID + " cannot use the JDK at "
                        + javaHome + " because " + blocked + " is not world-searchable");
            }
        }
        return javaHome;
    }

    private static String setpriv() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path candidate = Path.of(dir, "setpriv");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new DevServiceException(PART + ": refuses to run as root, and setpriv (util-linux) is not installed"
                + " to run it as uid " + Directories.UNPRIVILEGED_ID);
    }

    private static String yamlString(Path path) {
        return "\"" + path.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path copy = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(path, copy);
                }
            }
        }
    }
}
