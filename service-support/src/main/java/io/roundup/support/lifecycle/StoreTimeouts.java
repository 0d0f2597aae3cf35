package io.roundup.support.lifecycle;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a request may wait on MongoDB before it is answered with a 503: the driver's own defaults (30 s to find a
 * server, no read timeout at all) would keep readers hanging on a store that is down or frozen. Options in the
 * connection string ({@code serverSelectionTimeoutMS}, {@code connectTimeoutMS}, {@code socketTimeoutMS}) win.
 */
@ConfigurationProperties("roundup.mongo.timeouts")
public record StoreTimeouts(
        @DefaultValue("3s") Duration serverSelection,
        @DefaultValue("2s") Duration connect,
        @DefaultValue("5s") Duration socket) {}
