package io.roundup.devservices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaServerIT {

    @Test
    void sharedBrokerTakesRecordsAndKeepsThemAcrossARestart() throws Exception {
        KafkaServer kafka = DevServices.kafka();
        assertThat(DevServices.kafka()).isSameAs(kafka);
        String topic = "roundup.test." + UUID.randomUUID();

        send(kafka, topic, "first");
        assertThat(readAll(kafka, topic, 1)).containsExactly("first");

        kafka.stop();
        assertThat(kafka.isRunning()).isFalse();
        assertThat(Ports.accepts(kafka.port())).isFalse();

        kafka.start();
        send(kafka, topic, "second");
        assertThat(readAll(kafka, topic, 2)).containsExactly("first", "second");

        kafka.stop();
        assertThat(DevServices.kafka()).isSameAs(kafka);
        assertThat(kafka.isRunning()).as("restarted by DevServices.kafka()").isTrue();
    }

    @Test
    void closeLeavesNoProcessAndNoData() {
        KafkaServer kafka = KafkaServer.start(KafkaSettings.defaults());
        List<ProcessHandle> tree = kafka.process().tree();
        Path data = kafka.dataDirectory();

        kafka.close();

        assertThat(tree).noneMatch(ProcessHandle::isAlive);
        assertThat(data).doesNotExist();
        assertThat(kafka.isRunning()).isFalse();
    }

    @Test
    void brokerGoesAwayWithItsParent() {
        KafkaServer kafka = KafkaServer.start(KafkaSettings.defaults());
        List<ProcessHandle> tree = kafka.process().tree();

        kafka.process().closeStdin(); // what the broker sees when this JVM dies, even by SIGKILL

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(tree).noneMatch(ProcessHandle::isAlive);
            assertThat(kafka.dataDirectory()).doesNotExist();
        });
    }

    @Test
    void dataDirectoryIsKeptForTheNextBroker(@TempDir Path directory) throws Exception {
        String topic = "roundup.kept";
        try (KafkaServer kafka = KafkaServer.start(KafkaSettings.defaults().withDataDirectory(directory))) {
            send(kafka, topic, "kept");
        }
        assertThat(directory.resolve("kafka.log")).exists();

        try (KafkaServer kafka = KafkaServer.start(KafkaSettings.defaults().withDataDirectory(directory))) {
            assertThat(readAll(kafka, topic, 1)).containsExactly("kept");
        }
        assertThat(Files.exists(directory.resolve("data/meta.properties"))).isTrue();
    }

    @Test
    void takenPortIsReportedInOneLine() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> KafkaServer.start(KafkaSettings.defaults().withPort(port)))
                    .isInstanceOf(DevServiceException.class)
                    .hasMessage("Kafka: port " + port + " on 127.0.0.1 is already in use");
        }
    }

    private static void send(KafkaServer kafka, String topic, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>(topic, "key", value)).get();
        }
    }

    private static List<String> readAll(KafkaServer kafka, String topic, int expected) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            List<String> values = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
            return values;
        }
    }
}
