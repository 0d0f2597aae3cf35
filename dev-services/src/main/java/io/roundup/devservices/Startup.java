package io.roundup.devservices;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a child process to become ready, failing fast when it dies and with its log tail when it is late. */
final class Startup {

    private Startup() {}

    static void await(
            String part,
            String readiness,
            ChildProcess process,
            Path logFile,
            Duration timeout,
            BooleanSupplier ready) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new DevServiceException(
                        part + ": exited with code " + process.exitCode() + " while starting (log: " + logFile + ")",
                        LogTail.of(logFile));
            }
            if (System.nanoTime() > deadline) {
                throw new DevServiceException(
                        part + ": not " + readiness + " within " + timeout.toSeconds() + " s (log: " + logFile + ")",
                        LogTail.of(logFile));
            }
            pause(200);
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DevServiceException("Dev services: interrupted while waiting for a server", e);
        }
    }

    static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
