package io.roundup.support.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.roundup.devservices.DevServices;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * A copy that is stopped the way SIGTERM stops a service (its context closes) leaves its consumer group at once: the
 * other copy is handed every partition long before the session timeout, which here is five minutes, so nothing but
 * an explicit leave can make the rebalance happen within the test. Both copies run the Kafka binder on the real broker.
 */
class ConsumerLeavesGroupIT {

    private static final int PARTITIONS = 4;

    private static final String BINDING = "events-in-0";

    private final String topic = "lifecycle-" + UUID.randomUUID();

    private final String group = "lifecycle-copies";

    private final String brokers = DevServices.kafka().bootstrapServers();

    private ConfigurableApplicationContext first;

    private ConfigurableApplicationContext second;

    @BeforeEach
    void createTopic() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1)))
                    .all()
                    .get();
        }
    }

    @AfterEach
    void stopCopies() {
        for (ConfigurableApplicationContext copy : new ConfigurableApplicationContext[] {first, second}) {
            if (copy != null && copy.isActive()) {
                copy.close();
            }
        }
    }

    @Test
    void aStoppedCopyHandsItsPartitionsToTheOtherAtOnceWithItsOffsetsCommitted() throws Exception {
        first = copy();
        awaitReady(first);
        second = copy();
        awaitReady(second);
        await().atMost(Duration.ofMinutes(1))
                .until(() -> partitions(first).size() + partitions(second).size() == PARTITIONS
                        && !partitions(first).isEmpty()
                        && !partitions(second).isEmpty());
        send(40);
        await().atMost(Duration.ofMinutes(1)).until(() -> lag() == 0);

        first.close();

        await().atMost(Duration.ofMinutes(1)).until(() -> partitions(second).size() == PARTITIONS);
        assertThat(partitions(second))
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, PARTITIONS)
                        .mapToObj(p -> topic + "-" + p)
                        .toList());
        assertThat(lag()).isZero();
    }

    private ConfigurableApplicationContext copy() {
        return new SpringApplicationBuilder(Copy.class)
                .web(WebApplicationType.SERVLET)
                .properties(
                        "spring.application.name=lifecycle-copy",
                        "server.port=0",
                        // the binder would otherwise grow the topic to the event topics' partitions
                        "roundup.events.partitions=" + PARTITIONS,
                        "spring.cloud.function.definition=events",
                        "spring.cloud.stream.kafka.binder.brokers=" + brokers,
                        "spring.kafka.bootstrap-servers=" + brokers,
                        "spring.cloud.stream.bindings." + BINDING + ".destination=" + topic,
                        "spring.cloud.stream.bindings." + BINDING + ".group=" + group,
                        "spring.cloud.stream.kafka.bindings." + BINDING
                                + ".consumer.configuration.session.timeout.ms=300000",
                        "spring.cloud.stream.kafka.bindings." + BINDING
                                + ".consumer.configuration.heartbeat.interval.ms=1000",
                        "roundup.auth.jwk-set-uri=http://127.0.0.1:9/jwks",
                        "spring.autoconfigure.exclude=org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration")
                .run();
    }

    private static void awaitReady(ConfigurableApplicationContext copy) {
        HealthIndicator partitions = copy.getBean("partitionsHealthIndicator", HealthIndicator.class);
        await().atMost(Duration.ofMinutes(1))
                .until(() -> Status.UP.equals(partitions.health(false).getStatus()));
    }

    private static Set<String> partitions(ConfigurableApplicationContext copy) {
        return copy.getBean(ConsumerAssignments.class).assigned().getOrDefault(BINDING, Set.of());
    }

    private void send(int count) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                brokers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class))) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, "key-" + i, "event " + i));
            }
        }
    }

    /** Records of the topic that the group has not committed yet. */
    private long lag() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get();
            Map<TopicPartition, OffsetSpec> latest = IntStream.range(0, PARTITIONS)
                    .mapToObj(p -> new TopicPartition(topic, p))
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
            long lag = 0;
            for (var end : admin.listOffsets(latest).all().get().entrySet()) {
                OffsetAndMetadata done = committed.get(end.getKey());
                lag += end.getValue().offset() - (done == null ? 0 : done.offset());
            }
            return lag;
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Copy {

        @Bean
        Consumer<String> events() {
            return event -> {};
        }
    }
}
