package io.roundup.web.api;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where the public API is and how long the site waits for it. Bounded, so that a slow service turns into an error
 * page within seconds instead of a reader's browser spinning while threads pile up.
 *
 * @param uri the gateway's address
 * @param connectTimeout how long a connection may take
 * @param readTimeout how long an answer may take
 */
@Validated
@ConfigurationProperties("roundup.api")
public record ApiSettings(
        @NotNull URI uri,
        @NotNull Duration connectTimeout,
        @NotNull Duration readTimeout) {}
