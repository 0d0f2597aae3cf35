package io.roundup.support.messaging;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes the Spring Cloud Stream Kafka binder agree with {@link EventTopicsAutoConfiguration} on the partition count.
 * Two parts of a service may create an event topic: Spring Kafka's {@code KafkaAdmin} (from the {@code NewTopic}
 * beans, at start-up) and the binder (when it binds, should the topic still be missing, as when the admin could not
 * reach the broker). Left alone, the binder creates a topic of one partition and refuses or ignores a topic with fewer
 * partitions than it wants. With these defaults it creates at least {@code roundup.events.partitions} partitions and
 * grows an existing topic to that many ({@code min-partition-count}, {@code auto-add-partitions}); dead-letter topics
 * without an explicit {@code dlq-partitions} get the same count as the topic they serve, so a dead letter keeps its
 * record's partition number.
 *
 * <p>The values sit below every other property source: a service or an operator that sets either key wins.
 */
public class EventPartitionDefaults implements EnvironmentPostProcessor {

    static final String SOURCE_NAME = "roundupEventPartitionDefaults";

    static final String MIN_PARTITION_COUNT = "spring.cloud.stream.kafka.binder.min-partition-count";

    static final String AUTO_ADD_PARTITIONS = "spring.cloud.stream.kafka.binder.auto-add-partitions";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment
                .getPropertySources()
                .addLast(new MapPropertySource(
                        SOURCE_NAME,
                        Map.of(
                                MIN_PARTITION_COUNT,
                                "${" + EventSettings.PREFIX + ".partitions:" + EventSettings.DEFAULT_PARTITIONS + "}",
                                AUTO_ADD_PARTITIONS,
                                "true")));
    }
}
