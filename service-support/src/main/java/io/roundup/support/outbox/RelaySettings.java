package io.roundup.support.outbox;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service's {@link StateRelay} runs, bound as {@code roundup.<service>.relay.*} by each service's settings, so
 * every service names and shapes it alike.
 *
 * @param sweepInterval how often the relay looks for saved but unannounced state, besides the nudge after each save
 */
public record RelaySettings(@NotNull @DefaultValue("500ms") Duration sweepInterval) {

    @AssertTrue(message = "sweep-interval must be at least one millisecond")
    boolean isSweepIntervalPositive() {
        return sweepInterval == null || sweepInterval.toMillis() >= 1;
    }
}
