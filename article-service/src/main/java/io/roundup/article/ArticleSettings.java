package io.roundup.article;

import io.roundup.support.outbox.RelaySettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Timing of the background work.
 *
 * @param relay how the relay that announces saved articles runs ({@code roundup.articles.relay.sweep-interval})
 * @param scheduleSweep how often due scheduled publications are looked for; a publication fires at most this late
 * @param productPatience how long a publish waits for the event of a product it has not heard of yet
 */
@Validated
@ConfigurationProperties("roundup.articles")
public record ArticleSettings(
        @NotNull @Valid @DefaultValue RelaySettings relay,
        @NotNull @DefaultValue("1s") Duration scheduleSweep,
        @NotNull @DefaultValue("3s") Duration productPatience) {

    @AssertTrue(message = "schedule-sweep must be at least one millisecond")
    boolean isScheduleSweepPositive() {
        return scheduleSweep == null || scheduleSweep.toMillis() >= 1;
    }
}
