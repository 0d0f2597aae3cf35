package io.roundup.devservices;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to run a Kafka broker.
 *
 * @param port the client (PLAINTEXT) port on 127.0.0.1, or 0 for a free one
 * @param dataDirectory where the broker keeps its logs and settings, kept across runs; null for a temporary directory
 *     that {@link KafkaServer#close()} deletes
 * @param heapMegabytes the broker JVM's heap
 * @param startupTimeout how long to wait for the broker to answer
 */
public record KafkaSettings(int port, Path dataDirectory, int heapMegabytes, Duration startupTimeout) {

    public KafkaSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (heapMegabytes < 64) {
            throw new IllegalArgumentException("heap too small: " + heapMegabytes + " MB");
        }
        Objects.requireNonNull(startupTimeout, "startupTimeout");
    }

    /** A free port, temporary data, a 256 MB heap. */
    public static KafkaSettings defaults() {
        return new KafkaSettings(0, null, 256, Duration.ofSeconds(90));
    }

    public KafkaSettings withPort(int port) {
        return new KafkaSettings(port, dataDirectory, heapMegabytes, startupTimeout);
    }

    public KafkaSettings withDataDirectory(Path dataDirectory) {
        return new KafkaSettings(port, dataDirectory, heapMegabytes, startupTimeout);
    }

    public KafkaSettings withHeapMegabytes(int heapMegabytes) {
        return new KafkaSettings(port, dataDirectory, heapMegabytes, startupTimeout);
    }

    public KafkaSettings withStartupTimeout(Duration startupTimeout) {
        return new KafkaSettings(port, dataDirectory, heapMegabytes, startupTimeout);
    }
}
