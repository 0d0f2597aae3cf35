package io.roundup.gateway.security;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** Browser origins allowed to call the API ({@code roundup.cors.*}); none by default. */
@Validated
@ConfigurationProperties("roundup.cors")
record CorsSettings(
        @NotNull @DefaultValue List<String> allowedOrigins,
        @NotNull @DefaultValue("1h") Duration maxAge) {}
