package io.roundup.support.messaging;

import io.roundup.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The event topics are compacted: Kafka keeps the latest event of every article and product for good (instead of
 * deleting by age), so that search can rebuild its indices by replaying them from the start. Every service declares
 * them, so whichever starts first creates them right; with {@code spring.kafka.admin.modify-topic-configs} a topic
 * created earlier with other settings is corrected at start-up.
 */
@AutoConfiguration
@ConditionalOnClass(KafkaAdmin.class)
public class EventTopicsAutoConfiguration {

    @Bean
    NewTopic articleEventsTopic() {
        return TopicBuilder.name(Topics.ARTICLES).compact().build();
    }

    @Bean
    NewTopic productEventsTopic() {
        return TopicBuilder.name(Topics.PRODUCTS).compact().build();
    }
}
