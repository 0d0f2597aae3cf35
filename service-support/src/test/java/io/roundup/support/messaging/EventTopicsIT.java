package io.roundup.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.roundup.devservices.DevServices;
import io.roundup.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/**
 * The event topics' partitions on a real broker, as a service starts: a topic made earlier with one partition is
 * grown to {@code roundup.events.partitions}, whether Spring Kafka's admin or the binder gets to it first, and the
 * events of one entity, keyed by its id as the relays key them, all land on one partition in order. This module's
 * tests have a JVM and a broker of their own, so they may delete and remake the event topics.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventTopicsIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String DEAD_LETTERS = "roundup.test.dlq";

    private String brokers;
    private Admin admin;

    @BeforeAll
    void connect() {
        brokers = DevServices.kafka().bootstrapServers();
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers));
    }

    @AfterAll
    void disconnect() {
        admin.close();
    }

    /** As a platform set up before topics had partitions to spare: every event topic with one. */
    @BeforeEach
    void topicsOfOnePartition() throws Exception {
        Set<String> topics = Set.of(Topics.ARTICLES, Topics.PRODUCTS, DEAD_LETTERS);
        Set<String> existing = new TreeSet<>(admin.listTopics().names().get());
        existing.retainAll(topics);
        if (!existing.isEmpty()) {
            admin.deleteTopics(existing).all().get();
        }
        await().atMost(PATIENCE).until(() -> partitions(topics).isEmpty());
        await().atMost(PATIENCE).ignoreException(TopicExistsException.class).until(() -> {
            Set<String> missing = new TreeSet<>(topics);
            missing.removeAll(partitions(topics).keySet());
            if (!missing.isEmpty()) {
                createWithOnePartition(missing); // refused while the broker still deletes the old one: tried again
            }
            return partitions(topics).equals(Map.of(Topics.ARTICLES, 1, Topics.PRODUCTS, 1, DEAD_LETTERS, 1));
        });
    }

    private void createWithOnePartition(Set<String> topics) throws Exception {
        try {
            admin.createTopics(topics.stream()
                            .map(name -> new NewTopic(name, 1, (short) 1)
                                    .configs(Map.of(
                                            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)))
                            .toList())
                    .all()
                    .get();
        } catch (ExecutionException ex) {
            if (ex.getCause() instanceof TopicExistsException exists) {
                throw exists;
            }
            throw ex;
        }
    }

    @Test
    void theAdminGrowsAnEventTopicCreatedWithFewerPartitionsAtStartUp() throws Exception {
        try (ConfigurableApplicationContext service = start(NoBindings.class, "--roundup.events.partitions=4")) {
            assertThat(partitions(Set.of(Topics.ARTICLES, Topics.PRODUCTS)))
                    .containsOnly(Map.entry(Topics.ARTICLES, 4), Map.entry(Topics.PRODUCTS, 4));
        }
    }

    @Test
    void theBinderGrowsThemToTheSameCountWhenItGetsThereFirstAndItsDeadLettersFollow() throws Exception {
        try (ConfigurableApplicationContext service = start(
                Bindings.class,
                "--roundup.events.partitions=5",
                // as if the admin could not create the topics: the binder is the first to see them
                "--spring.kafka.admin.auto-create=false")) {
            assertThat(partitions(Set.of(Topics.ARTICLES, Topics.PRODUCTS, DEAD_LETTERS)))
                    .containsOnly(
                            Map.entry(Topics.ARTICLES, 5), Map.entry(Topics.PRODUCTS, 5), Map.entry(DEAD_LETTERS, 5));
        }
    }

    @Test
    void theDefaultIsSixPartitions() throws Exception {
        try (ConfigurableApplicationContext service = start(NoBindings.class)) {
            assertThat(partitions(Set.of(Topics.ARTICLES, Topics.PRODUCTS)))
                    .containsOnly(Map.entry(Topics.ARTICLES, 6), Map.entry(Topics.PRODUCTS, 6));
        }
    }

    @Test
    void theEventsOfOneEntityLandOnOnePartitionInOrder() throws Exception {
        try (ConfigurableApplicationContext service = start(Bindings.class, "--roundup.events.partitions=6")) {
            StreamBridge bridge = service.getBean(StreamBridge.class);
            List<String> ids = new ArrayList<>();
            for (int entity = 1; entity <= 24; entity++) {
                ids.add("product-" + entity);
            }
            for (int revision = 1; revision <= 4; revision++) {
                for (String id : ids) {
                    assertThat(bridge.send("products-out-0", keyed(id, revision)))
                            .isTrue();
                }
            }

            List<ConsumerRecord<String, String>> records = readAll(Topics.PRODUCTS, ids.size() * 4);

            Map<String, Set<Integer>> partitionsOfEntity = new TreeMap<>();
            Map<String, List<String>> revisionsOfEntity = new HashMap<>();
            for (ConsumerRecord<String, String> record : records) {
                partitionsOfEntity
                        .computeIfAbsent(record.key(), k -> new TreeSet<>())
                        .add(record.partition());
                revisionsOfEntity
                        .computeIfAbsent(record.key(), k -> new ArrayList<>())
                        .add(record.value());
            }
            assertThat(partitionsOfEntity).hasSize(ids.size());
            assertThat(partitionsOfEntity)
                    .allSatisfy((id, partitions) ->
                            assertThat(partitions).as("partitions of %s", id).hasSize(1));
            assertThat(revisionsOfEntity)
                    .allSatisfy((id, revisions) -> assertThat(revisions)
                            .as("events of %s in partition order", id)
                            .containsExactly("1", "2", "3", "4"));
            assertThat(partitionsOfEntity.values().stream().flatMap(Set::stream).distinct())
                    .as("24 entities spread over the partitions")
                    .hasSizeGreaterThan(1);
        }
    }

    /** Keyed the way the outbox relays key their announcements (the binder takes the key from this header). */
    private static Message<byte[]> keyed(String id, int revision) {
        return MessageBuilder.withPayload(String.valueOf(revision).getBytes(StandardCharsets.UTF_8))
                .setHeader("kafka_messageKey", id.getBytes(StandardCharsets.UTF_8))
                .build();
    }

    private List<ConsumerRecord<String, String>> readAll(String topic, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                brokers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "event-topics-it-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            await().atMost(PATIENCE).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= expected;
            });
        }
        return records;
    }

    private Map<String, Integer> partitions(Set<String> topics) throws Exception {
        Set<String> existing = new TreeSet<>(admin.listTopics().names().get());
        existing.retainAll(topics);
        Map<String, Integer> counts = new TreeMap<>();
        admin.describeTopics(existing)
                .allTopicNames()
                .get()
                .forEach((name, description) ->
                        counts.put(name, description.partitions().size()));
        return counts;
    }

    private ConfigurableApplicationContext start(Class<?> app, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.kafka.bootstrap-servers=" + brokers,
                "--spring.cloud.stream.kafka.binder.brokers=" + brokers,
                "--spring.kafka.admin.modify-topic-configs=true",
                "--spring.main.banner-mode=off",
                // no web server here, so nothing for the API's security to guard
                "--spring.autoconfigure.exclude=io.roundup.support.security.ApiSecurityAutoConfiguration",
                "--logging.level.org.apache.kafka=warn"));
        if (app == Bindings.class) {
            args.addAll(Bindings.PROPERTIES);
        }
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(app).web(WebApplicationType.NONE).run(args.toArray(String[]::new));
    }

    /** A service that declares the topics and binds nothing: only Spring Kafka's admin touches them. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class NoBindings {}

    /** A service that consumes one event topic (with dead letters) and announces on the other, like the real ones. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Bindings {

        static final List<String> PROPERTIES = List.of(
                "--spring.cloud.function.definition=articles",
                "--spring.cloud.stream.bindings.articles-in-0.destination=" + Topics.ARTICLES,
                "--spring.cloud.stream.bindings.articles-in-0.group=event-topics-it",
                "--spring.cloud.stream.kafka.bindings.articles-in-0.consumer.enable-dlq=true",
                "--spring.cloud.stream.kafka.bindings.articles-in-0.consumer.dlq-name=" + DEAD_LETTERS,
                "--spring.cloud.stream.output-bindings=products-out-0",
                "--spring.cloud.stream.bindings.products-out-0.destination=" + Topics.PRODUCTS,
                "--spring.cloud.stream.kafka.bindings.products-out-0.producer.sync=true");

        @Bean
        Consumer<Message<byte[]>> articles() {
            return message -> {};
        }
    }
}
