package io.roundup.search.indexing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How indexing waits for Elasticsearch when a write fails for a passing reason: exponentially, from
 * {@code retryInitialInterval} up to {@code retryMaxInterval} between attempts, for as long as it takes.
 */
@ConfigurationProperties("roundup.search.indexing")
record IndexingSettings(
        @DefaultValue("500ms") Duration retryInitialInterval,
        @DefaultValue("30s") Duration retryMaxInterval) {}
