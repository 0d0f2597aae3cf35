package io.roundup.devservices;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * How to run a MongoDB server.
 *
 * @param port the port on 127.0.0.1, or 0 for a free one
 * @param dataDirectory where the data is kept across runs; null to keep it in memory (embedded) or in the container
 *     only, gone after {@link MongoServer#close()}
 * @param mode where the server comes from
 */
public record MongoSettings(int port, Path dataDirectory, Mode mode) {

    /** System property (or environment variable ROUNDUP_DEVSERVICES_MONGO) that decides {@link Mode#AUTO}. */
    public static final String MODE_PROPERTY = "roundup.devservices.mongo";

    /** Where the server comes from. */
    public enum Mode {
        /** {@value MongoSettings#MODE_PROPERTY} if set; else a container when Docker answers, else embedded. */
        AUTO,
        /** mongo-java-server inside this JVM: memory backend, or H2 files in the data directory. */
        EMBEDDED,
        /** A {@code mongo:8} single-node replica set through Testcontainers. */
        CONTAINER
    }

    public MongoSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        Objects.requireNonNull(mode, "mode");
    }

    /** A free port, no kept data, {@link Mode#AUTO}. */
    public static MongoSettings defaults() {
        return new MongoSettings(0, null, Mode.AUTO);
    }

    public MongoSettings withPort(int port) {
        return new MongoSettings(port, dataDirectory, mode);
    }

    public MongoSettings withDataDirectory(Path dataDirectory) {
        return new MongoSettings(port, dataDirectory, mode);
    }

    public MongoSettings withMode(Mode mode) {
        return new MongoSettings(port, dataDirectory, mode);
    }

    /** The mode forced by {@value #MODE_PROPERTY} / {@code ROUNDUP_DEVSERVICES_MONGO}, else {@link Mode#AUTO}. */
    static Mode configuredMode() {
        String value = System.getProperty(
                MODE_PROPERTY,
                System.getenv(MODE_PROPERTY.toUpperCase(Locale.ROOT).replace('.', '_')));
        if (value == null || value.isBlank()) {
            return Mode.AUTO;
        }
        try {
            return Mode.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DevServiceException(
                    "MongoDB: " + MODE_PROPERTY + "=" + value + " is not one of auto, embedded, container");
        }
    }
}
