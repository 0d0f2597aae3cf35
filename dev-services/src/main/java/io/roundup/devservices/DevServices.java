package io.roundup.devservices;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The servers shared by every test in this JVM: each starts on first use, on a free loopback port with temporary data,
 * and goes away with the JVM. The child processes notice the JVM's end themselves (however it ends, even SIGKILL),
 * then stop and delete their temporary data, so no shutdown hook is needed and none races with Spring's.
 *
 * <p>A test may {@code stop()} and {@code start()} a shared server to simulate an outage; the next call here starts it
 * again if a test left it stopped. Do not {@code close()} them.
 */
public final class DevServices {

    /** Heap of the shared Elasticsearch node in MB (default 512). */
    public static final String ELASTICSEARCH_HEAP_PROPERTY = "roundup.devservices.elasticsearch.heap-mb";

    /** Plugin zips to install into the shared Elasticsearch node, separated by the path separator (':'). */
    public static final String ELASTICSEARCH_PLUGINS_PROPERTY = "roundup.devservices.elasticsearch.plugins";

    private static final Shared<KafkaServer> KAFKA = new Shared<>(
            () -> KafkaServer.start(KafkaSettings.defaults()),
            KafkaServer::isClosed,
            KafkaServer::isRunning,
            KafkaServer::start);

    private static final Shared<ElasticsearchServer> ELASTICSEARCH = new Shared<>(
            () -> ElasticsearchServer.start(sharedElasticsearchSettings()),
            ElasticsearchServer::isClosed,
            ElasticsearchServer::isRunning,
            ElasticsearchServer::start);

    private static final Shared<MongoServer> MONGO = new Shared<>(
            () -> MongoServer.start(MongoSettings.defaults()),
            MongoServer::isClosed,
            MongoServer::isRunning,
            MongoServer::start);

    private DevServices() {}

    public static KafkaServer kafka() {
        return KAFKA.get();
    }

    public static ElasticsearchServer elasticsearch() {
        return ELASTICSEARCH.get();
    }

    /** See {@link MongoSettings#MODE_PROPERTY} to force the embedded server or the container. */
    public static MongoServer mongo() {
        return MONGO.get();
    }

    static ElasticsearchSettings sharedElasticsearchSettings() {
        ElasticsearchSettings settings = ElasticsearchSettings.defaults();
        String heap = System.getProperty(ELASTICSEARCH_HEAP_PROPERTY);
        if (heap != null && !heap.isBlank()) {
            settings = settings.withHeapMegabytes(Integer.parseInt(heap.trim()));
        }
        String plugins = System.getProperty(ELASTICSEARCH_PLUGINS_PROPERTY);
        if (plugins != null && !plugins.isBlank()) {
            List<Path> zips = Arrays.stream(plugins.split(File.pathSeparator))
                    .filter(zip -> !zip.isBlank())
                    .map(zip -> Path.of(zip.trim()))
                    .toList();
            settings = settings.withPlugins(zips);
        }
        return settings;
    }

    /** One lazily started server; a failed start is remembered so that later tests fail fast with the same cause. */
    private static final class Shared<T> {

        private final Supplier<T> starter;

        private final Predicate<T> closed;

        private final Predicate<T> running;

        private final Consumer<T> restart;

        private T server;

        private DevServiceException failure;

        Shared(Supplier<T> starter, Predicate<T> closed, Predicate<T> running, Consumer<T> restart) {
            this.starter = starter;
            this.closed = closed;
            this.running = running;
            this.restart = restart;
        }

        synchronized T get() {
            if (failure != null) {
                throw new DevServiceException(failure.getMessage(), failure);
            }
            try {
                if (server == null || closed.test(server)) {
                    server = starter.get();
                } else if (!running.test(server)) {
                    restart.accept(server);
                }
                return server;
            } catch (DevServiceException e) {
                failure = e;
                throw e;
            }
        }
    }
}
