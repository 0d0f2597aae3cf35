package io.roundup.product;

import io.roundup.support.outbox.RelaySettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Timing of the background work.
 *
 * @param relay how the relay that announces saved products runs ({@code roundup.products.relay.sweep-interval})
 */
@Validated
@ConfigurationProperties("roundup.products")
public record ProductSettings(@NotNull @Valid @DefaultValue RelaySettings relay) {}
