package io.roundup.devservices;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;

/**
 * mongo-java-server in this JVM: speaks the wire protocol, but has no transactions, change streams, {@code $text} or
 * {@code hello}.
 */
final class EmbeddedMongo implements MongoEngine {

    private static final String PART = "MongoDB";

    private final int port;

    private final MongoBackend backend;

    private de.bwaldvogel.mongo.MongoServer server;

    EmbeddedMongo(int port, Path dataDirectory) {
        this.port = port;
        this.backend = dataDirectory == null ? new MemoryBackend() : openFile(dataDirectory.resolve("mongo.mv"));
    }

    @Override
    public synchronized void start() {
        if (server != null) {
            return;
        }
        Ports.requireFree(PART, port);
        de.bwaldvogel.mongo.MongoServer starting = new de.bwaldvogel.mongo.MongoServer(survivingShutdown(backend));
        try {
            starting.bind(Ports.LOOPBACK, port);
        } catch (RuntimeException e) {
            throw new DevServiceException(
                    PART + ": cannot listen on " + Ports.LOOPBACK + ":" + port + " (" + e + ")", e);
        }
        server = starting;
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.shutdownNow();
            server = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return server != null;
    }

    @Override
    public synchronized void close() {
        stop();
        backend.close();
    }

    @Override
    public String host() {
        return Ports.LOOPBACK;
    }

    private static MongoBackend openFile(Path file) {
        Directories.create(PART, file.getParent());
        try {
            return new H2Backend(file.toString());
        } catch (RuntimeException e) {
            throw new DevServiceException(
                    PART + ": cannot open " + file + " (is another process using it? " + e.getMessage() + ")", e);
        }
    }

    /** The library closes (and so empties) its backend on shutdown; stop() must keep the data for start(). */
    private static MongoBackend survivingShutdown(MongoBackend backend) {
        return (MongoBackend) Proxy.newProxyInstance(
                MongoBackend.class.getClassLoader(), new Class<?>[] {MongoBackend.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0) {
                        return null;
                    }
                    try {
                        return method.invoke(backend, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public String toString() {
        return backend instanceof H2Backend h2 ? "embedded, " + h2 : "embedded, in memory";
    }
}
