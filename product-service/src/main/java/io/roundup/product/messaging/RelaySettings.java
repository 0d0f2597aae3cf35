package io.roundup.product.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How product announcements reach Kafka.
 *
 * @param binding the Spring Cloud Stream output binding (its destination is {@code roundup.products})
 * @param sweepInterval how often the relay looks for saved revisions not yet announced
 */
@ConfigurationProperties("roundup.products.relay")
record RelaySettings(
        @DefaultValue("products-out-0") String binding,
        @DefaultValue("500ms") Duration sweepInterval) {}
