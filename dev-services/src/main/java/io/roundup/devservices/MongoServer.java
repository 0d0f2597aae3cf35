package io.roundup.devservices;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * A MongoDB server on a loopback port: {@code mongo:8} in a container when a Docker engine answers, otherwise an
 * embedded wire-compatible server in this JVM (see {@link MongoSettings.Mode}). Either way clients get an ordinary
 * connection string.
 */
public final class MongoServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MongoServer.class);

    private static final String PART = "MongoDB";

    private final int port;

    private final MongoEngine engine;

    private boolean closed;

    private MongoServer(MongoSettings settings) {
        this.port = Ports.claim(PART, settings.port());
        this.engine = switch (resolve(settings.mode())) {
            case CONTAINER -> new ContainerMongo(port, settings.dataDirectory());
            default -> new EmbeddedMongo(port, settings.dataDirectory());
        };
    }

    /** Starts a server; throws {@link DevServiceException} when it cannot. */
    public static MongoServer start(MongoSettings settings) {
        MongoServer server = new MongoServer(settings);
        try {
            server.start();
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** {@code mongodb://127.0.0.1:<port>}, without a database: append one with {@link #connectionString(String)}. */
    public String connectionString() {
        return "mongodb://" + engine.host() + ":" + port;
    }

    /** {@code mongodb://127.0.0.1:<port>/<database>}, for {@code spring.mongodb.uri}. */
    public String connectionString(String database) {
        return connectionString() + "/" + database;
    }

    public int port() {
        return port;
    }

    /** True for the in-JVM stand-in, which lacks transactions, change streams, {@code $text} and {@code hello}. */
    public boolean isEmbedded() {
        return engine instanceof EmbeddedMongo;
    }

    public synchronized boolean isRunning() {
        return engine.isRunning();
    }

    /** Starts the server again after {@link #stop()}, on the same port and with the same data. */
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException("MongoDB server on port " + port + " is closed");
        }
        if (engine.isRunning()) {
            return;
        }
        long started = System.nanoTime();
        engine.start();
        log.info("MongoDB ({}) started on {} in {} ms", engine, connectionString(), Startup.millisSince(started));
    }

    /** Stops the server, closing client connections; the data is kept for {@link #start()}. */
    public synchronized void stop() {
        if (engine.isRunning()) {
            engine.stop();
            log.info("MongoDB on {} stopped", connectionString());
        }
    }

    /** Stops the server for good; data not in a {@link MongoSettings#dataDirectory()} is gone. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            engine.close();
        }
    }

    synchronized boolean isClosed() {
        return closed;
    }

    private static MongoSettings.Mode resolve(MongoSettings.Mode requested) {
        MongoSettings.Mode mode = requested == MongoSettings.Mode.AUTO ? MongoSettings.configuredMode() : requested;
        if (mode != MongoSettings.Mode.AUTO) {
            return mode;
        }
        long started = System.nanoTime();
        boolean docker = DockerClientFactory.instance().isDockerAvailable();
        log.info(
                "Docker engine {} (checked in {} ms): MongoDB runs {}",
                docker ? "found" : "not found",
                Startup.millisSince(started),
                docker ? "in a container" : "embedded");
        return docker ? MongoSettings.Mode.CONTAINER : MongoSettings.Mode.EMBEDDED;
    }

    @Override
    public String toString() {
        return "MongoDB " + connectionString() + " (" + engine + ")";
    }
}
