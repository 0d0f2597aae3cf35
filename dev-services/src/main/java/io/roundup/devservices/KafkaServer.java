package io.roundup.devservices;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real Apache Kafka broker (KRaft, a single node that is both broker and controller) in a child JVM, listening on
 * 127.0.0.1. Topics are created automatically on first use, with one partition unless created otherwise.
 */
public final class KafkaServer extends ChildServer {

    private static final String PART = "Kafka";

    private static final int INITIAL_HEAP_MEGABYTES = 32;

    private final KafkaSettings settings;

    private int controllerPort;

    private KafkaServer(KafkaSettings settings) {
        super(PART, settings.dataDirectory(), "roundup-kafka-", settings.port(), "kafka.log");
        this.settings = settings;
    }

    /** Starts a broker and waits until it answers; throws {@link DevServiceException} when it does not. */
    public static KafkaServer start(KafkaSettings settings) {
        return started(new KafkaServer(settings));
    }

    /** {@code 127.0.0.1:<port>}, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return Ports.LOOPBACK + ":" + port;
    }

    @Override
    String address() {
        return bootstrapServers();
    }

    @Override
    ChildProcess launch() {
        controllerPort = Ports.free();
        writeConfiguration();
        List<String> arguments = new ArrayList<>(
                List.of("kafka", directory.resolve("server.properties").toString(), clusterId()));
        if (temporary) {
            arguments.addAll(List.of("--orphan-cleanup", directory.toString()));
        }
        return ChildProcess.startJava(
                PART, Artifacts.kafkaClasspath(), jvmOptions(), arguments, Map.of(), directory, logFile());
    }

    /** First the port, then a broker in the cluster's metadata: only then can clients produce. */
    @Override
    void awaitReady(ChildProcess launched) {
        Startup.await(
                PART,
                "listening on port " + port,
                launched,
                logFile(),
                settings.startupTimeout(),
                () -> Ports.accepts(port));
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                3000,
                AdminClientConfig.CLIENT_ID_CONFIG,
                "roundup-dev-services"))) {
            Startup.await(
                    PART,
                    "ready on port " + port,
                    launched,
                    logFile(),
                    settings.startupTimeout(),
                    () -> hasBroker(admin));
        }
    }

    private static boolean hasBroker(Admin admin) {
        try {
            return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DevServiceException("Kafka: interrupted while waiting for the broker", e);
        }
    }

    /** Formatting is skipped for kept data only when the cluster id matches, so reuse the one on disk. */
    private String clusterId() {
        Path meta = directory.resolve("data").resolve("meta.properties");
        if (Files.isRegularFile(meta)) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(meta)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new DevServiceException(PART + ": cannot read " + meta + " (" + e + ")", e);
            }
            String id = properties.getProperty("cluster.id");
            if (id != null) {
                return id;
            }
        }
        return Uuid.randomUuid().toString();
    }

    private List<String> jvmOptions() {
        List<String> options = new ArrayList<>(List.of(
                // the heap grows to the maximum only when needed: an idle development broker stays far below it
                "-Xms" + Math.min(INITIAL_HEAP_MEGABYTES, settings.heapMegabytes()) + "m",
                "-Xmx" + settings.heapMegabytes() + "m",
                // a development broker: quick start and a small footprint matter more than peak throughput
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + directory.resolve("log4j2.properties")));
        if (Runtime.version().feature() >= 22) {
            options.add("--enable-native-access=ALL-UNNAMED"); // the compression codecs load JNI libraries
        }
        if (Runtime.version().feature() >= 23) {
            options.add("--sun-misc-unsafe-memory-access=allow"); // quiets Kafka's Unsafe warnings
        }
        return options;
    }

    private void writeConfiguration() {
        String controller = Ports.LOOPBACK + ":" + controllerPort;
        String listeners = "PLAINTEXT://" + bootstrapServers() + ",CONTROLLER://" + controller;
        String serverProperties = String.join(
                "\n",
                "process.roles=broker,controller",
                "node.id=1",
                // a static voter set, so the controller port may change from one run to the next
                "controller.quorum.voters=1@" + controller,
                "listeners=" + listeners,
                "advertised.listeners=PLAINTEXT://" + bootstrapServers(),
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + directory.resolve("data"),
                "auto.create.topics.enable=true",
                "num.partitions=1",
                "default.replication.factor=1",
                "min.insync.replicas=1",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "share.coordinator.state.topic.num.partitions=1",
                "group.initial.rebalance.delay.ms=0",
                "num.network.threads=2",
                "num.io.threads=2",
                // the log cleaner (compacted topics) allocates this on the heap at start-up: the default 128 MB is
                // most of an idle broker's RSS; 16 MB still maps ≈ 600k keys per pass, more than a local run holds
                "log.cleaner.dedupe.buffer.size=16777216",
                "");
        String log4j = String.join(
                "\n",
                "status = warn",
                "appender.out.type = Console",
                "appender.out.name = out",
                "appender.out.layout.type = PatternLayout",
                "appender.out.layout.pattern = [%d] %p %m (%c)%n",
                "rootLogger.level = warn",
                "rootLogger.appenderRef.out.ref = out",
                "logger.server.name = kafka.server",
                "logger.server.level = info",
                "logger.config.name = org.apache.kafka.common.config",
                "logger.config.level = warn",
                "");
        try {
            Files.writeString(directory.resolve("server.properties"), serverProperties);
            Files.writeString(directory.resolve("log4j2.properties"), log4j);
        } catch (IOException e) {
            throw new DevServiceException(
                    PART + ": cannot write its configuration into " + directory + " (" + e + ")", e);
        }
    }
}
