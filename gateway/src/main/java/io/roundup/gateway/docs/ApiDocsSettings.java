package io.roundup.gateway.docs;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the merged document is assembled.
 *
 * @param cacheFor how long a merged document that every service contributed to is served before it is built again
 * @param incompleteCacheFor the same for one that lacks a service: short, so that it is whole soon after the service
 *     is back, but long enough that a flood of requests does not become a flood of fetches
 * @param timeout how long a service may take to answer with its document before it counts as missing
 */
@Validated
@ConfigurationProperties("roundup.api-docs")
record ApiDocsSettings(
        @NotNull @DefaultValue("30s") Duration cacheFor,
        @NotNull @DefaultValue("5s") Duration incompleteCacheFor,
        @NotNull @DefaultValue("10s") Duration timeout) {}
