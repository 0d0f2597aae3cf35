package io.roundup.launcher;

import io.roundup.devservices.DevServiceException;
import io.roundup.devservices.ElasticsearchServer;
import io.roundup.devservices.ElasticsearchSettings;
import io.roundup.devservices.KafkaServer;
import io.roundup.devservices.KafkaSettings;
import io.roundup.devservices.MongoServer;
import io.roundup.devservices.MongoSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Kafka, Elasticsearch and MongoDB for the platform, from dev-services, on the ports the settings name. They start
 * side by side (each takes seconds); a part that fails is reported by name and the parts that did start are stopped.
 * They stop side by side as well.
 * Data lives under the data folder ({@code kafka/}, {@code elasticsearch/}, {@code mongodb/}) and survives restarts.
 */
public final class Infrastructure implements AutoCloseable {

    /** Each server stops its process within seconds of being interrupted; this only bounds a bug. */
    private static final Duration STARTER_STOP_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaServer kafka;

    private final ElasticsearchServer elasticsearch;

    private final MongoServer mongo;

    private Infrastructure(KafkaServer kafka, ElasticsearchServer elasticsearch, MongoServer mongo) {
        this.kafka = kafka;
        this.elasticsearch = elasticsearch;
        this.mongo = mongo;
    }

    /**
     * Starts the three servers and waits until each answers; throws {@link StartupFailure} naming the first that did
     * not, or saying that start-up was stopped when the calling thread is interrupted (Ctrl-C). Either way the servers
     * still starting are interrupted, which makes each stop its process, and those that had started are stopped.
     */
    public static Infrastructure start(PlatformSettings settings, Consumer<String> progress) {
        PlatformSettings.PlatformPorts ports = settings.ports();
        KafkaSettings kafkaSettings =
                KafkaSettings.defaults().withPort(ports.kafka()).withDataDirectory(dataDirectory(settings, "kafka"));
        ElasticsearchSettings elasticsearchSettings = ElasticsearchSettings.defaults()
                .withPort(ports.elasticsearch())
                .withDataDirectory(dataDirectory(settings, "elasticsearch"))
                .withPlugins(List.of(analysisPlugin()))
                .withOptimizingCompiler(settings.optimizes("elasticsearch"));
        MongoSettings mongoSettings = MongoSettings.defaults()
                .withPort(ports.mongodb())
                .withDataDirectory(dataDirectory(settings, "mongodb"));

        progress.accept("Starting Kafka, Elasticsearch and MongoDB …");
        ExecutorService starters = Executors.newFixedThreadPool(
                3, Thread.ofPlatform().name("roundup-start-", 1).daemon().factory());
        ExecutorCompletionService<AutoCloseable> completion = new ExecutorCompletionService<>(starters);
        Future<AutoCloseable> kafka =
                completion.submit(timed("kafka", () -> KafkaServer.start(kafkaSettings), progress));
        Future<AutoCloseable> elasticsearch = completion.submit(
                timed("elasticsearch", () -> ElasticsearchServer.start(elasticsearchSettings), progress));
        Future<AutoCloseable> mongo =
                completion.submit(timed("mongodb", () -> MongoServer.start(mongoSettings), progress));
        List<Future<AutoCloseable>> all = List.of(kafka, elasticsearch, mongo);
        try {
            for (int i = 0; i < all.size(); i++) {
                completion.take().get(); // in the order they finish: the first failure ends the wait
            }
            return new Infrastructure(
                    (KafkaServer) kafka.get(), (ElasticsearchServer) elasticsearch.get(), (MongoServer) mongo.get());
        } catch (InterruptedException ex) {
            abandon(starters, all);
            Thread.currentThread().interrupt();
            throw new StartupFailure("roundup", "stopped during start-up");
        } catch (ExecutionException ex) {
            abandon(starters, all);
            throw ex.getCause() instanceof StartupFailure failure
                    ? failure
                    : new StartupFailure("roundup", String.valueOf(ex.getCause()), ex.getCause());
        }
    }

    private static Callable<AutoCloseable> timed(
            String part, Supplier<? extends AutoCloseable> starter, Consumer<String> progress) {
        return () -> {
            long started = System.nanoTime();
            try {
                AutoCloseable server = starter.get();
                progress.accept(String.format("  %s ready in %.1f s", part, (System.nanoTime() - started) / 1e9));
                return server;
            } catch (DevServiceException ex) {
                throw new StartupFailure(part, ex.getMessage(), ex);
            } catch (RuntimeException | LinkageError ex) {
                throw new StartupFailure(part, ex.getClass().getSimpleName() + ": " + ex.getMessage(), ex);
            }
        };
    }

    /**
     * Interrupts the servers still starting — each then stops the process it launched — waits for them, and stops
     * those that had started.
     */
    private static void abandon(ExecutorService starters, List<Future<AutoCloseable>> servers) {
        boolean interrupted = Thread.interrupted(); // waiting below must not end at once
        starters.shutdownNow();
        try {
            if (!starters.awaitTermination(STARTER_STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                System.err.println("roundup: a server did not stop starting within " + STARTER_STOP_TIMEOUT.toSeconds()
                        + " s; its process ends with the launcher");
            }
        } catch (InterruptedException ex) {
            interrupted = true;
        }
        servers.stream()
                .filter(server -> server.state() == Future.State.SUCCESS)
                .map(Future::resultNow)
                .forEach(Infrastructure::closeQuietly);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(AutoCloseable server) {
        try {
            server.close();
        } catch (Exception ignored) {
            // stopping after a failed start: the failure being reported matters more
        }
    }

    /**
     * The analysis plugin (stemming, folding, synonyms) that the search service's index mappings need, which the
     * launcher's build copies to {@code lib/} beside the launcher jar.
     */
    private static Path analysisPlugin() {
        Path zip;
        try {
            Path launcher = Path.of(Infrastructure.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            zip = launcher.resolveSibling("lib").resolve("search-analysis.zip");
        } catch (URISyntaxException ex) {
            throw new IllegalStateException("cannot locate the launcher jar", ex);
        }
        if (!Files.isRegularFile(zip)) {
            throw new StartupFailure(
                    "elasticsearch", "its analysis plugin " + zip + " is missing; build it with ./roundup build");
        }
        return zip;
    }

    /** The part's folder under the data folder. */
    private static Path dataDirectory(PlatformSettings settings, String part) {
        Path directory = settings.dataDir().resolve(part).toAbsolutePath();
        try {
            Files.createDirectories(directory);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return directory;
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String elasticsearchUri() {
        return elasticsearch.httpUri();
    }

    /** The server's connection string without a database. */
    public String mongoConnectionString() {
        return mongo.connectionString();
    }

    public String mongoConnectionString(String database) {
        return mongo.connectionString(database);
    }

    /** What kind of MongoDB this is, for the summary: a container or the embedded stand-in. */
    public String mongoKind() {
        return mongo.isEmbedded() ? "embedded MongoDB-compatible server, inside the launcher" : "MongoDB container";
    }

    public KafkaServer kafka() {
        return kafka;
    }

    public ElasticsearchServer elasticsearch() {
        return elasticsearch;
    }

    public MongoServer mongo() {
        return mongo;
    }

    /** Stops MongoDB, Elasticsearch and Kafka side by side (none needs another to stop); each stops even when another fails to. */
    @Override
    public void close() {
        List<Thread> stoppers = new ArrayList<>();
        List<RuntimeException> failures = new CopyOnWriteArrayList<>();
        for (AutoCloseable server : new AutoCloseable[] {mongo, elasticsearch, kafka}) {
            stoppers.add(Thread.ofPlatform()
                    .name("roundup-stop-" + server.getClass().getSimpleName())
                    .start(() -> {
                        try {
                            server.close();
                        } catch (Exception ex) {
                            failures.add(
                                    ex instanceof RuntimeException runtime ? runtime : new IllegalStateException(ex));
                        }
                    }));
        }
        boolean interrupted = false;
        for (Thread stopper : stoppers) {
            while (stopper.isAlive()) {
                try {
                    stopper.join();
                } catch (InterruptedException ex) {
                    interrupted = true; // each server bounds its own stop; leaving early would leave it running
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (!failures.isEmpty()) {
            throw failures.getFirst();
        }
    }
}
