package io.roundup.search.query;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long a reader's search waits for Elasticsearch, and when the service stops asking it for a while. An
 * Elasticsearch that hangs (frozen, swapping, in a long GC) must cost a reader at most {@code timeout}, and after
 * {@code failures-to-open} such failures in a row nothing at all for {@code open-for}: the answer is then a 503 at once,
 * until one probe finds Elasticsearch answering again.
 *
 * @param timeout the longest a search, suggestion or related-reviews read waits for its answer
 * @param failuresToOpen consecutive failed reads (timeouts, unreachable, 5xx) after which reads are refused at once
 * @param openFor how long reads are refused before one is let through as a probe; also the {@code Retry-After}
 */
@Validated
@ConfigurationProperties("roundup.search.reads")
record ReadSettings(
        @DefaultValue("5s") Duration timeout,
        @DefaultValue("5") @Min(1) int failuresToOpen,
        @DefaultValue("5s") Duration openFor) {}
