package io.roundup.support.messaging;

import io.roundup.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The event topics are compacted: Kafka keeps the latest event of every article and product for good (instead of
 * deleting by age), so that search can rebuild its indices by replaying them from the start. They have
 * {@code roundup.events.partitions} partitions (6 by default), so that up to that many copies of a consuming service
 * share the work; events are keyed by entity id, so one entity's events stay on one partition, in order.
 *
 * <p>Every service declares them, so whichever starts first creates them right. At start-up {@code KafkaAdmin} grows
 * a topic created earlier with fewer partitions (it never shrinks one), and with
 * {@code spring.kafka.admin.modify-topic-configs} corrects a topic created with other settings. The binder is made to
 * agree by {@link EventPartitionDefaults}.
 */
@AutoConfiguration
@ConditionalOnClass(KafkaAdmin.class)
@EnableConfigurationProperties(EventSettings.class)
public class EventTopicsAutoConfiguration {

    @Bean
    NewTopic articleEventsTopic(EventSettings settings) {
        return TopicBuilder.name(Topics.ARTICLES)
                .partitions(settings.partitions())
                .compact()
                .build();
    }

    @Bean
    NewTopic productEventsTopic(EventSettings settings) {
        return TopicBuilder.name(Topics.PRODUCTS)
                .partitions(settings.partitions())
                .compact()
                .build();
    }

    /**
     * What search has made searchable, per article: state too (the latest per article is all that counts), so compacted
     * and laid out like the others, and a consumer that starts afresh reads every article's latest line from the start.
     */
    @Bean
    NewTopic searchIndexedTopic(EventSettings settings) {
        return TopicBuilder.name(Topics.SEARCH_INDEXED)
                .partitions(settings.partitions())
                .compact()
                .build();
    }
}
