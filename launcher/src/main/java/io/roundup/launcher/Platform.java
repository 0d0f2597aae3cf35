package io.roundup.launcher;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The whole platform on one machine: Kafka, Elasticsearch and MongoDB from dev-services, then the four services as
 * separate JVMs, started in parallel, each awaited until ready. {@code ./roundup up} and the end-to-end tests both
 * start it through here, so the tests exercise exactly what a developer runs.
 */
public final class Platform implements AutoCloseable {

    private static final Duration SERVICE_READY_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration SERVICE_STOP_GRACE = Duration.ofSeconds(20);

    /**
     * A JVM that recorded what it loaded writes its ahead-of-time cache as it stops: a JVM of its own assembles it,
     * ≈ 10 CPU seconds each, and on the first stop after a build all five at once (measured 46 s on 2 cores, and over
     * 60 s once); cut short, it writes none and the next start records again.
     */
    private static final Duration SERVICE_STOP_GRACE_WRITING_CACHES = Duration.ofSeconds(120);

    /** Start-up answers an interrupt within seconds (each part stops what it launched); this only bounds a bug. */
    private static final Duration START_ABANDON_TIMEOUT = Duration.ofSeconds(40);

    private final PlatformSettings settings;
    private final List<ServiceProcess> services = new CopyOnWriteArrayList<>();
    private volatile boolean writingCaches;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final ExecutorService extracting = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("roundup-extract").daemon().factory());
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

    /** Starts the servers, then the services; on failure stops what had started and throws {@link StartupFailure}. */
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
            extractJarsMeanwhile();
            Infrastructure started = Infrastructure.start(settings, progress);
            synchronized (this) {
                if (!closed) {
                    infrastructure = started;
                    started = null;
                }
            }
            if (started != null) {
                Thread.interrupted(); // a server that is up gets the graceful stop
                started.close();
                throw stoppedDuringStartUp();
            }
            startServices(progress);
        } catch (RuntimeException ex) {
            extracting.shutdownNow(); // an extraction under way stops and leaves nothing behind
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

    /**
     * After a build, each service's jar is extracted once (see {@link StartupCache}): here, one after another in the
     * background while the servers start, which leave a core idle for most of their start, instead of each just before
     * its JVM is launched (≈ 1.2 s each, one at a time). A launch finds its extraction there, or waits for it.
     */
    private void extractJarsMeanwhile() {
        copies().stream()
                .map(Copy::module)
                .distinct()
                .forEach(module -> extracting.execute(() -> {
                    Path built = builtJar(module);
                    if (Files.isRegularFile(built)) {
                        try {
                            StartupCache.runnableJar(module, built, settings.dataDir());
                        } catch (StartupFailure ex) {
                            // stopped meanwhile: the launch reports what matters
                        }
                    }
                }));
        extracting.shutdown();
    }

    private Path builtJar(String module) {
        return settings.projectDir().resolve(module).resolve("target").resolve(module + "-0.1.0-SNAPSHOT.jar");
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

    /**
     * Whether stopping now makes services write their start-up caches (the first stop after a build): that stop takes
     * up to {@link #SERVICE_STOP_GRACE_WRITING_CACHES}, during which nothing else is printed.
     */
    public boolean writingCaches() {
        return writingCaches && services.stream().anyMatch(ServiceProcess::isServing);
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

    private void startServices(Consumer<String> progress) {
        PlatformSettings.PlatformPorts ports = settings.ports();
        String jwks = "http://127.0.0.1:" + ports.gateway() + "/api/auth/jwks";
        Map<String, String> common = new HashMap<>();
        common.put("ROUNDUP_JWKS_URI", jwks);
        common.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrapServers());
        common.put("SPRING_CLOUD_STREAM_KAFKA_BINDER_BROKERS", infrastructure.kafkaBootstrapServers());
        // A service's consumers join one group one binding after another, so the group rebalances as the last joins,
        // and a member that is in already hears of it only at its next heartbeat: 3 s by default, which readiness
        // (every consumer assigned) waited for on every start. Heartbeats this often cost nothing on one machine.
        common.put("SPRING_KAFKA_CONSUMER_PROPERTIES_HEARTBEAT_INTERVAL_MS", "500");

        Map<String, String> article = new HashMap<>(common);
        article.put("SPRING_MONGODB_URI", infrastructure.mongoConnectionString("articles"));
        Map<String, String> product = new HashMap<>(common);
        product.put("SPRING_MONGODB_URI", infrastructure.mongoConnectionString("products"));
        Map<String, String> search = new HashMap<>(common);
        search.put("SPRING_ELASTICSEARCH_URIS", infrastructure.elasticsearchUri());
        Map<String, String> gateway = new HashMap<>();
        // every copy of a service, in order: the gateway balances its routes over them (see docs/scaling.md)
        gateway.put("ROUNDUP_ARTICLE_INSTANCES", instances("article-service"));
        gateway.put("ROUNDUP_PRODUCT_INSTANCES", instances("product-service"));
        gateway.put("ROUNDUP_SEARCH_INSTANCES", instances("search-service"));
        gateway.put("ROUNDUP_WEB_URI", "http://127.0.0.1:" + settings.ports().web());
        // the site reads the public API as any client does: through the gateway
        Map<String, String> web = Map.of("ROUNDUP_API_URI", gatewayUri().toString());
        gateway.put("ROUNDUP_EDITOR_PASSWORD", settings.editorPassword());
        gateway.put("ROUNDUP_ADMIN_PASSWORD", settings.adminPassword());
        gateway.put(
                "ROUNDUP_IDENTITY_KEY_FILE",
                settings.dataDir()
                        .resolve("gateway")
                        .resolve("jwt-signing-key.pem")
                        .toString());
        Map<String, Map<String, String>> envs = Map.of(
                "gateway",
                gateway,
                "article-service",
                article,
                "product-service",
                product,
                "search-service",
                search,
                "web",
                web);

        // The first copy of each service, then the others once those are ready: seven JVMs starting at once on a
        // small machine each take so long that one may run out of its start-up time; in two waves each wave is quick.
        List<Copy> first =
                copies().stream().filter(c -> c.name().equals(c.module())).toList();
        List<Copy> more = copies().stream().filter(c -> !first.contains(c)).toList();
        progress.accept("Starting " + describeCopies() + " …");
        startAndAwait(first, envs, progress);
        if (!more.isEmpty()) {
            progress.accept("Starting "
                    + String.join(", ", more.stream().map(Copy::name).toList()) + " …");
            startAndAwait(more, envs, progress);
        }
    }

    private void startAndAwait(List<Copy> copies, Map<String, Map<String, String>> envs, Consumer<String> progress) {
        List<ServiceProcess> started = new ArrayList<>();
        for (Copy copy : copies) {
            ServiceProcess service = launch(copy, envs.get(copy.module()));
            services.add(service);
            started.add(service);
        }

        ExecutorService waiting = Executors.newFixedThreadPool(
                started.size(),
                Thread.ofPlatform().name("roundup-ready-", 1).daemon().factory());
        try {
            ExecutorCompletionService<Void> readiness = new ExecutorCompletionService<>(waiting);
            for (ServiceProcess service : started) {
                readiness.submit(
                        () -> {
                            long begun = System.nanoTime();
                            service.awaitReady(SERVICE_READY_TIMEOUT);
                            progress.accept(String.format(
                                    "  %s ready in %.1f s", service.name(), (System.nanoTime() - begun) / 1e9));
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
        Path built = builtJar(module);
        if (!Files.isRegularFile(built)) {
            throw new StartupFailure(
                    copy.name(), "its jar " + built + " is missing; build it with ./mvnw -DskipTests package");
        }
        Path jar = StartupCache.runnableJar(module, built, settings.dataDir());
        List<String> jvm = settings.jvmOptions(module);
        List<String> cache = StartupCache.options(copy.name(), jar, settings.dataDir());
        writingCaches |= cache.stream().anyMatch(option -> option.startsWith("-XX:AOTCacheOutput="));
        jvm.addAll(cache);
        jvm.add("-Dlogging.file.name=");
        return ServiceProcess.start(
                copy.name(), jar, copy.port(), env, jvm, settings.dataDir().resolve("logs"));
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

    /** "gateway, article-service, product-service and search-service (2 copies)" */
    private String describeCopies() {
        List<String> parts = new ArrayList<>();
        parts.add("gateway");
        for (String service : LaunchOptions.SCALABLE) {
            int n = settings.launch().copiesOf(service);
            parts.add(n == 1 ? service : service + " (" + n + " copies)");
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.getLast() + ", and the site";
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
