package io.roundup.support.lifecycle;

import com.mongodb.client.MongoClient;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.cloud.stream.binder.kafka.KafkaBindingRebalanceListener;
import org.springframework.cloud.stream.binding.BindingService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * A copy's readiness and its bounded waits: the {@code partitions} health check for services with Kafka consumers, and
 * for services with MongoDB driver timeouts that fail a request in seconds plus the 503 answer for it.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration")
public class LifecycleAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({KafkaBindingRebalanceListener.class, BindingService.class})
    static class Consumers {

        @Bean
        ConsumerAssignments consumerAssignments() {
            return new ConsumerAssignments();
        }

        @Bean(name = "partitionsHealthIndicator")
        ConsumerAssignmentHealthIndicator partitionsHealthIndicator(
                ConsumerAssignments assignments, ObjectProvider<BindingService> bindings) {
            return new ConsumerAssignmentHealthIndicator(assignments, bindings);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({MongoClient.class, MongoClientSettingsBuilderCustomizer.class})
    @EnableConfigurationProperties(StoreTimeouts.class)
    static class Mongo {

        /** Runs before Boot's own customizer, which applies the connection string: its options override these. */
        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE)
        MongoClientSettingsBuilderCustomizer boundedMongoWaits(StoreTimeouts timeouts) {
            return settings -> settings.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(
                            timeouts.serverSelection().toMillis(), TimeUnit.MILLISECONDS))
                    .applyToSocketSettings(socket -> socket.connectTimeout(
                                    (int) timeouts.connect().toMillis(), TimeUnit.MILLISECONDS)
                            .readTimeout((int) timeouts.socket().toMillis(), TimeUnit.MILLISECONDS));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({MongoClient.class, DataAccessResourceFailureException.class})
    static class StoreAnswers {

        @Bean
        StoreUnavailableAdvice storeUnavailableAdvice() {
            return new StoreUnavailableAdvice();
        }
    }
}
