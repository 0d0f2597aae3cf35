package io.roundup.support.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * {@code roundup_outbox_backlog{collection}}: per relay, the documents saved but not yet announced. It rises while
 * Kafka is away and falls back to zero once the relay has caught up; a value that stays up means announcements are
 * stuck. While MongoDB cannot be asked, the gauge has no value (NaN) rather than holding up the scrape.
 */
@AutoConfiguration
@ConditionalOnClass({MongoOperations.class, MeterRegistry.class})
public class OutboxMetricsAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(OutboxMetricsAutoConfiguration.class);

    @Bean
    MeterBinder outboxBacklog(ObjectProvider<StateRelay<?>> relays) {
        return registry -> relays.orderedStream()
                .forEach(
                        relay -> Gauge.builder("roundup.outbox.backlog", relay, OutboxMetricsAutoConfiguration::pending)
                                .description("Documents saved but not yet announced on Kafka")
                                .tag("collection", relay.collection())
                                .register(registry));
    }

    private static double pending(StateRelay<?> relay) {
        try {
            return relay.pending();
        } catch (RuntimeException ex) {
            log.debug("Outbox backlog of {} unknown: {}", relay.collection(), ex.toString());
            return Double.NaN;
        }
    }
}
