package io.roundup.gateway.ratelimit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Request budgets per client address ({@code roundup.rate-limit.*}): each budget allows {@code requests} per
 * {@code per}, refilled continuously, so a client may burst up to the whole budget and then goes at the steady rate.
 */
@Validated
@ConfigurationProperties("roundup.rate-limit")
record RateLimitSettings(
        @DefaultValue("true") boolean enabled,
        @NotNull @Valid Budget reads,
        @NotNull @Valid Budget writes,
        @NotNull @Valid Budget token,
        @Positive @DefaultValue("100000") int maxClients) {

    record Budget(@Positive int requests, @NotNull Duration per) {

        @AssertTrue(message = "per must be at least one millisecond")
        boolean isPerPositive() {
            return per == null || per.toMillis() >= 1;
        }
    }
}
