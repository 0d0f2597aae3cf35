package io.roundup.launcher;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The whole platform on one machine: Kafka, Elasticsearch and MongoDB from dev-services, and the four services and the
 * site as separate JVMs, each started as soon as the servers it needs are up and awaited until ready. {@code ./roundup up} and the end-to-end tests both
 * start it through here, so the tests exercise exactly what a developer runs.
 */
public final class Platform implements AutoCloseable {

    private static final Duration SERVICE_READY_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration SERVICE_STOP_GRACE = Duration.ofSeconds(20);

    /**
     * A JVM that recorded what it loaded writes its ahead-of-time cache as it stops (seconds of CPU each, and on the
     * first stop after a build all of them at once); cut short, it writes none and the next start records again.
     */
    private static final Duration SERVICE_STOP_GRACE_WRITING_CACHES = Duration.ofSeconds(60);

    /** Start-up answers an interrupt within seconds (each part stops what it launched); this only bounds a bug. */
    private static final Duration START_ABANDON_TIMEOUT = Duration.ofSeconds(40);

    private final PlatformSettings settings;
    private final List<ServiceProcess> services = new CopyOnWriteArrayList<>();
    private volatile boolean writingCaches;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile Infrastructure infrastructure;
    private boolean closed;
    /** The thread in {@link #startAll} while it runs, which {@link #close()} interrupts. */
    private Thread starting;

    private Platform(PlatformSettings settings) {
        this.settings = settings;
    }

    /** Starts everything or, if any part fails, stops what had started and throws a {@link StartupFailure}. */
    public static Platform start(PlatformSettings settings, Consumer<String> progress) {
        Platform platform = prepare(settings);
        platform.startAll(progress);
        return platform;
    }

    /**
     * A platform that has not started yet. {@link #close()} may be called from another thread at any time, also
     * while {@link #startAll} runs (Ctrl-C during start-up): start-up is interrupted, what had started stops, and the
     * start fails.
     */
    public static Platform prepare(PlatformSettings settings) {
        return new Platform(settings);
    }

    /**
     * Starts the servers and, beside them, the services, each as soon as the servers it needs are up; on failure stops
     * what had started and throws {@link StartupFailure}.
     */
    public void startAll(Consumer<String> progress) {
        synchronized (this) {
            if (closed) {
                throw stoppedDuringStartUp();
            }
            starting = Thread.currentThread();
        }
        try {
            Map<Integer, String> taken = new HashMap<>();
            for (Copy copy : copies()) {
                String other = taken.putIfAbsent(copy.port(), copy.name());
                if (other != null) {
                    throw new StartupFailure(
                            copy.name(), "its port " + copy.port() + " is also " + other + "'s; move one of them");
                }
                Ports.requireFree(copy.name(), copy.port());
            }
            startEverything(progress);
        } catch (RuntimeException ex) {
            boolean closedMeanwhile;
            synchronized (this) {
                closedMeanwhile = closed;
                starting = null;
                notifyAll();
            }
            if (closedMeanwhile) {
                throw stoppedDuringStartUp(); // close() stops what had started
            }
            close();
            throw ex;
        }
        synchronized (this) {
            starting = null;
            notifyAll();
        }
    }

    private static StartupFailure stoppedDuringStartUp() {
        return new StartupFailure("roundup", "stopped during start-up");
    }

    public URI gatewayUri() {
        return URI.create("http://127.0.0.1:" + settings.ports().gateway());
    }

    /** The reader site as readers open it: the gateway's root. */
    public URI siteUri() {
        return URI.create("http://localhost:" + settings.ports().gateway() + "/");
    }

    public PlatformSettings settings() {
        return settings;
    }

    public Infrastructure infrastructure() {
        return infrastructure;
    }

    /** The services that are no longer running, e.g. to report a crash while the platform is up. */
    public List<String> stoppedServices() {
        return services.stream()
                .filter(s -> !s.isAlive())
                .map(ServiceProcess::name)
                .toList();
    }

    /** A one-line-per-part summary of what runs where. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("  %-16s %s", "gateway", gatewayUri() + "  (the public API)"));
        lines.add(String.format("  %-16s %s", "site", siteUri() + "  (the reader site, through the gateway)"));
        for (ServiceProcess service : services) {
            if (!service.name().equals("gateway")) {
                lines.add(String.format(
                        "  %-16s http://127.0.0.1:%d  (log %s)", service.name(), service.port(), service.logFile()));
            }
        }
        lines.add(String.format("  %-16s %s", "kafka", infrastructure.kafkaBootstrapServers()));
        Path node = infrastructure.elasticsearch().nodeDirectory();
        lines.add(
                node.startsWith(settings.dataDir())
                        ? String.format("  %-16s %s", "elasticsearch", infrastructure.elasticsearchUri())
                        : String.format(
                                "  %-16s %s  (data in %s, where its unprivileged user can reach it)",
                                "elasticsearch", infrastructure.elasticsearchUri(), node));
        lines.add(String.format(
                "  %-16s %s  (%s)", "mongodb", infrastructure.mongoConnectionString(), infrastructure.mongoKind()));
        lines.add(String.format("  %-16s %s", "data", settings.dataDir()));
        return lines;
    }

    /**
     * The gateway and the site need none of the servers: they start with them. article- and product-service start once
     * Kafka and MongoDB are up, search-service once Kafka and Elasticsearch are; on two cores the JVMs starting meanwhile
     * take CPU from the servers, but less time passes than when every service waits for the slowest server.
     */
    private void startEverything(Consumer<String> progress) {
        Infrastructure.Starting servers = Infrastructure.begin(settings, progress);
        try {
            List<Copy> first =
                    copies().stream().filter(c -> c.name().equals(c.module())).toList();
            List<Copy> more = copies().stream().filter(c -> !first.contains(c)).toList();
            Map<String, Waiting> waiting = new LinkedHashMap<>();
            Set<Infrastructure.Server> up = EnumSet.noneOf(Infrastructure.Server.class);
            launchWhenReady(first, servers, up, waiting, progress);
            while (servers.pending()) {
                up.add(servers.awaitNext());
                launchWhenReady(first, servers, up, waiting, progress);
            }
            Infrastructure started = servers.awaitAll();
            synchronized (this) {
                if (closed) {
                    throw stoppedDuringStartUp(); // the catch below stops the servers
                }
                infrastructure = started;
            }
            awaitReady(waiting.values(), progress);
            // The first copy of each service, then the others once those are ready: seven JVMs starting at once on a
            // small machine each take so long that one may run out of its start-up time; in two waves each is quick.
            if (!more.isEmpty()) {
                progress.accept("Starting "
                        + String.join(", ", more.stream().map(Copy::name).toList()) + " …");
                Map<String, Waiting> second = new LinkedHashMap<>();
                for (Copy copy : more) {
                    second.put(
                            copy.name(),
                            new Waiting(launch(copy, environment(copy.module(), servers)), System.nanoTime()));
                }
                awaitReady(second.values(), progress);
            }
        } catch (RuntimeException ex) {
            if (infrastructure == null) {
                Thread.interrupted(); // a server that is up gets the graceful stop
                servers.abandon();
            }
            throw ex;
        }
    }

    /** The servers each module needs before it can start. */
    private static Set<Infrastructure.Server> needs(String module) {
        return switch (module) {
            case "article-service", "product-service" ->
                EnumSet.of(Infrastructure.Server.KAFKA, Infrastructure.Server.MONGODB);
            case "search-service" -> EnumSet.of(Infrastructure.Server.KAFKA, Infrastructure.Server.ELASTICSEARCH);
            default -> EnumSet.noneOf(Infrastructure.Server.class);
        };
    }

    /** Launches the copies not yet launched whose servers are all up. */
    private void launchWhenReady(
            List<Copy> copies,
            Infrastructure.Starting servers,
            Set<Infrastructure.Server> up,
            Map<String, Waiting> launched,
            Consumer<String> progress) {
        List<Copy> now = copies.stream()
                .filter(copy -> !launched.containsKey(copy.name()))
                .filter(copy -> up.containsAll(needs(copy.module())))
                .toList();
        if (now.isEmpty()) {
            return;
        }
        progress.accept("Starting " + names(now) + " …");
        for (Copy copy : now) {
            launched.put(
                    copy.name(), new Waiting(launch(copy, environment(copy.module(), servers)), System.nanoTime()));
        }
    }

    /** A launched service and when it was launched, for its "ready in" line. */
    private record Waiting(ServiceProcess service, long launchedAt) {}

    /** What a module's JVM is told; only called once the servers it {@link #needs} are up. */
    private Map<String, String> environment(String module, Infrastructure.Starting servers) {
        PlatformSettings.PlatformPorts ports = settings.ports();
        Map<String, String> env = new HashMap<>();
        switch (module) {
            case "gateway" -> {
                // every copy of a service, in order: the gateway balances its routes over them (see docs/scaling.md)
                env.put("ROUNDUP_ARTICLE_INSTANCES", instances("article-service"));
                env.put("ROUNDUP_PRODUCT_INSTANCES", instances("product-service"));
                env.put("ROUNDUP_SEARCH_INSTANCES", instances("search-service"));
                env.put("ROUNDUP_WEB_URI", "http://127.0.0.1:" + ports.web());
                env.put("ROUNDUP_EDITOR_PASSWORD", settings.editorPassword());
                env.put("ROUNDUP_ADMIN_PASSWORD", settings.adminPassword());
                env.put(
                        "ROUNDUP_IDENTITY_KEY_FILE",
                        settings.dataDir()
                                .resolve("gateway")
                                .resolve("jwt-signing-key.pem")
                                .toString());
            }
            // the site reads the public API as any client does: through the gateway
            case "web" -> env.put("ROUNDUP_API_URI", gatewayUri().toString());
            default -> {
                env.put("ROUNDUP_JWKS_URI", "http://127.0.0.1:" + ports.gateway() + "/api/auth/jwks");
                env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", servers.kafkaBootstrapServers());
                env.put("SPRING_CLOUD_STREAM_KAFKA_BINDER_BROKERS", servers.kafkaBootstrapServers());
                switch (module) {
                    case "article-service" -> env.put("SPRING_MONGODB_URI", servers.mongoConnectionString("articles"));
                    case "product-service" -> env.put("SPRING_MONGODB_URI", servers.mongoConnectionString("products"));
                    case "search-service" -> env.put("SPRING_ELASTICSEARCH_URIS", servers.elasticsearchUri());
                    default -> throw new IllegalArgumentException("no environment for " + module);
                }
            }
        }
        return env;
    }

    /** Waits until every launched service is ready, reporting each as it gets there; the first failure ends the wait. */
    private void awaitReady(Collection<Waiting> started, Consumer<String> progress) {
        ExecutorService waiting = Executors.newFixedThreadPool(
                started.size(),
                Thread.ofPlatform().name("roundup-ready-", 1).daemon().factory());
        try {
            ExecutorCompletionService<Void> readiness = new ExecutorCompletionService<>(waiting);
            for (Waiting launched : started) {
                readiness.submit(
                        () -> {
                            launched.service().awaitReady(SERVICE_READY_TIMEOUT);
                            progress.accept(String.format(
                                    "  %s ready in %.1f s",
                                    launched.service().name(), (System.nanoTime() - launched.launchedAt()) / 1e9));
                        },
                        null);
            }
            for (int i = 0; i < started.size(); i++) {
                readiness.take().get(); // in the order they finish: the first failure ends the wait
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw stoppedDuringStartUp();
        } catch (ExecutionException ex) {
            throw ex.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(ex.getCause());
        } finally {
            waiting.shutdownNow();
        }
    }

    private synchronized ServiceProcess launch(Copy copy, Map<String, String> env) {
        String module = copy.module();
        if (closed) {
            throw new StartupFailure(copy.name(), "roundup is stopping");
        }
        Path built = settings.projectDir().resolve(module).resolve("target").resolve(module + "-0.1.0-SNAPSHOT.jar");
        if (!Files.isRegularFile(built)) {
            throw new StartupFailure(
                    copy.name(), "its jar " + built + " is missing; build it with ./mvnw -DskipTests package");
        }
        Path jar = StartupCache.runnableJar(module, built, settings.dataDir());
        List<String> jvm = new ArrayList<>(settings.serviceJvmOptions());
        List<String> cache = StartupCache.options(copy.name(), jar, settings.dataDir());
        writingCaches |= cache.stream().anyMatch(option -> option.startsWith("-XX:AOTCacheOutput="));
        jvm.addAll(cache);
        jvm.add("-Dlogging.file.name=");
        ServiceProcess service = ServiceProcess.start(
                copy.name(), jar, copy.port(), env, jvm, settings.dataDir().resolve("logs"));
        services.add(service);
        return service;
    }

    /** The gateway, every copy of each service, then the reader site: copy k of a service listens on its port + 100 * (k - 1). */
    List<Copy> copies() {
        List<Copy> copies = new ArrayList<>();
        copies.add(new Copy("gateway", "gateway", settings.ports().gateway()));
        for (String service : LaunchOptions.SCALABLE) {
            int first = settings.ports().of(service);
            for (int k = 1; k <= settings.launch().copiesOf(service); k++) {
                copies.add(new Copy(service, LaunchOptions.copyName(service, k), LaunchOptions.copyPort(first, k)));
            }
        }
        copies.add(new Copy("web", "web", settings.ports().web()));
        return copies;
    }

    /** The loopback addresses of every copy of a service, comma-separated, as the gateway reads its instance lists. */
    private String instances(String service) {
        return copies().stream()
                .filter(copy -> copy.module().equals(service))
                .map(copy -> "http://127.0.0.1:" + copy.port())
                .collect(Collectors.joining(","));
    }

    /** "gateway and the site", "article-service and product-service", "search-service" */
    private static String names(List<Copy> copies) {
        List<String> parts = copies.stream()
                .map(copy -> copy.module().equals("web") ? "the site" : copy.name())
                .toList();
        return parts.size() == 1
                ? parts.getFirst()
                : String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.getLast();
    }

    /**
     * One JVM to start.
     *
     * @param module the module whose jar it runs
     * @param name its name in the summary and its log file's: the module's for the first copy, {@code <module>-<k>}
     *     for copy k
     * @param port the port it listens on
     */
    record Copy(String module, String name, int port) {}

    /**
     * Stops the services first, then the servers. A service that is ready stops gracefully (it finishes requests and
     * relays what it saved); one still starting is killed: it cannot shut down before its start-up is done, which takes
     * long on a busy machine, and it has served nothing. During start-up, the starting thread is interrupted first and
     * stops whatever it was starting. A second caller (the shutdown hook) returns once everything has stopped.
     */
    @Override
    public void close() {
        Thread starter;
        synchronized (this) {
            if (closed) {
                if (Thread.currentThread() != starting) {
                    awaitStopped();
                }
                return;
            }
            closed = true;
            starter = starting;
        }
        try {
            if (starter != null && starter != Thread.currentThread()) {
                starter.interrupt();
                awaitStartAbandoned();
            }
            // all at once and against one deadline: each takes seconds to drain, and none depends on another to stop
            Instant deadline =
                    Instant.now().plus(writingCaches ? SERVICE_STOP_GRACE_WRITING_CACHES : SERVICE_STOP_GRACE);
            services.forEach(ServiceProcess::requestStop);
            services.forEach(service -> service.awaitStop(deadline));
            if (infrastructure != null) {
                infrastructure.close();
            }
        } finally {
            stopped.countDown();
        }
    }

    private synchronized void awaitStartAbandoned() {
        long deadline = System.nanoTime() + START_ABANDON_TIMEOUT.toNanos();
        boolean interrupted = false;
        while (starting != null && System.nanoTime() < deadline) {
            try {
                wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException ex) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitStopped() {
        try {
            stopped.await();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
