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
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Kafka, Elasticsearch and MongoDB for the platform, from dev-services, on the ports the settings name. They start
 * side by side (each takes seconds); a part that fails is reported by name and the parts that did start are stopped.
 * Data lives under the data folder ({@code kafka/}, {@code elasticsearch/}, {@code mongodb/}) and survives restarts.
 */
public final class Infrastructure implements AutoCloseable {

    private final KafkaServer kafka;

    private final ElasticsearchServer elasticsearch;

    private final MongoServer mongo;

    private Infrastructure(KafkaServer kafka, ElasticsearchServer elasticsearch, MongoServer mongo) {
        this.kafka = kafka;
        this.elasticsearch = elasticsearch;
        this.mongo = mongo;
    }

    /** Starts the three servers and waits until each answers; throws {@link StartupFailure} naming the first that did not. */
    public static Infrastructure start(PlatformSettings settings, Consumer<String> progress) {
        PlatformSettings.PlatformPorts ports = settings.ports();
        KafkaSettings kafkaSettings =
                KafkaSettings.defaults().withPort(ports.kafka()).withDataDirectory(dataDirectory(settings, "kafka"));
        ElasticsearchSettings elasticsearchSettings = ElasticsearchSettings.defaults()
                .withPort(ports.elasticsearch())
                .withDataDirectory(dataDirectory(settings, "elasticsearch"))
                .withPlugins(List.of(analysisPlugin()));
        MongoSettings mongoSettings = MongoSettings.defaults()
                .withPort(ports.mongodb())
                .withDataDirectory(dataDirectory(settings, "mongodb"));

        progress.accept("Starting Kafka, Elasticsearch and MongoDB …");
        CompletableFuture<KafkaServer> kafka = startTimed("kafka", () -> KafkaServer.start(kafkaSettings), progress);
        CompletableFuture<ElasticsearchServer> elasticsearch =
                startTimed("elasticsearch", () -> ElasticsearchServer.start(elasticsearchSettings), progress);
        CompletableFuture<MongoServer> mongo = startTimed("mongodb", () -> MongoServer.start(mongoSettings), progress);
        try {
            CompletableFuture.allOf(kafka, elasticsearch, mongo).join();
            return new Infrastructure(kafka.join(), elasticsearch.join(), mongo.join());
        } catch (CompletionException ex) {
            // allOf waits for all three, so whatever did start is in hand and can be stopped
            closeQuietly(kafka);
            closeQuietly(elasticsearch);
            closeQuietly(mongo);
            throw ex.getCause() instanceof StartupFailure failure ? failure : ex;
        }
    }

    private static <T> CompletableFuture<T> startTimed(String part, Supplier<T> starter, Consumer<String> progress) {
        return CompletableFuture.supplyAsync(() -> {
            long started = System.nanoTime();
            try {
                T server = starter.get();
                progress.accept(String.format("  %s ready in %.1f s", part, (System.nanoTime() - started) / 1e9));
                return server;
            } catch (DevServiceException ex) {
                throw new StartupFailure(part, ex.getMessage(), ex);
            } catch (RuntimeException | LinkageError ex) {
                throw new StartupFailure(part, ex.getClass().getSimpleName() + ": " + ex.getMessage(), ex);
            }
        });
    }

    private static void closeQuietly(CompletableFuture<? extends AutoCloseable> server) {
        if (server.isDone() && !server.isCompletedExceptionally()) {
            try {
                server.join().close();
            } catch (Exception ignored) {
                // stopping after a failed start: the failure being reported matters more
            }
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

    /** Stops MongoDB, Elasticsearch and Kafka; each stops even when another fails to. */
    @Override
    public void close() {
        RuntimeException first = null;
        for (AutoCloseable server : new AutoCloseable[] {mongo, elasticsearch, kafka}) {
            try {
                server.close();
            } catch (Exception ex) {
                if (first == null) {
                    first = ex instanceof RuntimeException runtime ? runtime : new IllegalStateException(ex);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
