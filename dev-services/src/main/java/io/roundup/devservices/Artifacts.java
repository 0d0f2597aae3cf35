package io.roundup.devservices;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/** Where Maven put the Kafka broker's jars and the Elasticsearch zip, as written into dev-services.properties. */
final class Artifacts {

    private static final Properties BUILD = load();

    private Artifacts() {}

    static List<String> kafkaClasspath() {
        List<String> jars = Arrays.stream(
                        BUILD.getProperty("kafka.classpath", "").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .toList();
        if (jars.isEmpty()) {
            throw new DevServiceException("Kafka: the broker classpath is missing from dev-services.properties");
        }
        for (String jar : jars) {
            if (!Files.isRegularFile(Path.of(jar))) {
                throw new DevServiceException("Kafka: broker jar " + jar
                        + " is missing (rebuild: ./mvnw -pl dev-services -am install -DskipTests)");
            }
        }
        return jars;
    }

    static String elasticsearchVersion() {
        return BUILD.getProperty("elasticsearch.version");
    }

    /** The zip Maven resolved at build time, else where the local repository normally keeps it. */
    static Path elasticsearchZip() {
        String version = elasticsearchVersion();
        String relative = "org/elasticsearch/distribution/integ-test-zip/elasticsearch/" + version + "/elasticsearch-"
                + version + ".zip";
        Path built = Path.of(BUILD.getProperty("elasticsearch.zip", ""));
        if (Files.isRegularFile(built)) {
            return built;
        }
        String localRepository = System.getProperty(
                "maven.repo.local",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString());
        Path fallback = Path.of(localRepository).resolve(relative);
        if (Files.isRegularFile(fallback)) {
            return fallback;
        }
        throw new DevServiceException("Elasticsearch: distribution zip not found at " + built + " nor " + fallback
                + " (run ./mvnw -pl dev-services -am install -DskipTests to download it)");
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = Artifacts.class.getResourceAsStream("dev-services.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
