package io.roundup.devservices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server run as a child process on a loopback port, with its data and log in one directory: a directory of the
 * caller's that is kept, or a temporary one that {@link #close()} deletes. {@link #stop()} and {@link #start()} restart
 * it on the same port and data, for fault tests; subclasses say how to launch it and how to tell it is ready.
 */
public abstract class ChildServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChildServer.class);

    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    /** The part's name in messages: "Kafka", "Elasticsearch". */
    final String part;

    final Path directory;

    final boolean temporary;

    final int port;

    private final String logName;

    private ChildProcess process;

    private boolean closed;

    private boolean suspended;

    ChildServer(String part, Path dataDirectory, String temporaryPrefix, int requestedPort, String logName) {
        this.part = part;
        this.logName = logName;
        this.temporary = dataDirectory == null;
        this.directory =
                temporary ? Directories.createTemp(part, temporaryPrefix) : Directories.create(part, dataDirectory);
        try {
            this.port = Ports.claim(part, requestedPort);
        } catch (DevServiceException e) {
            deleteIfTemporary();
            throw e;
        }
        Directories.startNewLog(logFile()); // restarts of this server append to it
    }

    /** Starts the process; {@link #start()} then waits for it, and stops it if it never becomes ready. */
    abstract ChildProcess launch();

    /** Returns once the launched process serves; throws {@link DevServiceException} when it does not in time. */
    abstract void awaitReady(ChildProcess launched);

    /** Where clients reach it, for messages: {@code 127.0.0.1:9092}, {@code http://127.0.0.1:9200}. */
    abstract String address();

    /** What else {@link #close()} removes, after the data. */
    void afterClose() {}

    public int port() {
        return port;
    }

    public Path dataDirectory() {
        return directory;
    }

    public Path logFile() {
        return directory.resolve(logName);
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Starts the server again after {@link #stop()}, on the same port and with the same data. */
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException(part + " server on port " + port + " is closed");
        }
        if (isRunning()) {
            return;
        }
        long started = System.nanoTime();
        Ports.requireFree(part, port);
        process = launch();
        try {
            awaitReady(process);
        } catch (RuntimeException e) {
            process.stop(Duration.ZERO);
            throw e;
        }
        log.info("{} started on {} in {} ms (log: {})", part, address(), Startup.millisSince(started), logFile());
    }

    /**
     * Freezes the server (SIGSTOP to everything the child runs) for fault tests: it keeps its port and connections but
     * answers nothing, as a hung machine or a stalled disk would. {@link #resume()} lets it go on.
     */
    public synchronized void suspend() {
        if (isRunning() && !suspended) {
            signal("STOP");
            suspended = true;
            log.info("{} on {} suspended", part, address());
        }
    }

    /** Lets a {@link #suspend() suspended} server go on where it stopped (SIGCONT). */
    public synchronized void resume() {
        if (suspended) {
            suspended = false;
            if (isRunning()) {
                signal("CONT");
                log.info("{} on {} resumed", part, address());
            }
        }
    }

    /** The supervising child keeps running, so that it still notices this JVM's end; what it launched is frozen. */
    private void signal(String signal) {
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        process.tree().stream()
                .filter(handle -> handle.pid() != process.pid())
                .forEach(handle -> command.add(Long.toString(handle.pid())));
        try {
            Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(kill.getInputStream().readAllBytes());
            if (kill.waitFor() != 0) {
                throw new DevServiceException(part + ": " + String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new DevServiceException(part + ": cannot send SIG" + signal + " (" + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DevServiceException(part + ": interrupted while sending SIG" + signal, e);
        }
    }

    /** Stops the server gracefully (as a crash would, from the clients' point of view); its data is kept. */
    public synchronized void stop() {
        resume();
        if (process != null) {
            process.stop(STOP_GRACE);
            process = null;
            log.info("{} on {} stopped", part, address());
        }
    }

    /** Stops the server and deletes its data unless it lives in a directory of the caller's. */
    @Override
    public synchronized void close() {
        stop();
        closed = true;
        deleteIfTemporary();
        afterClose();
    }

    synchronized boolean isClosed() {
        return closed;
    }

    synchronized ChildProcess process() {
        return process;
    }

    /** Starts a new server; if it does not come up, closes it (deleting temporary data) and rethrows. */
    static <S extends ChildServer> S started(S server) {
        try {
            server.start();
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    static void delete(Path path) {
        try {
            Directories.deleteRecursively(path);
        } catch (UncheckedIOException e) {
            log.warn("Could not delete {}: {}", path, e.getMessage());
        }
    }

    private void deleteIfTemporary() {
        if (temporary) {
            delete(directory);
        }
    }

    @Override
    public String toString() {
        return part + " " + address() + (temporary ? " (temporary data)" : " (data in " + directory + ")");
    }
}
