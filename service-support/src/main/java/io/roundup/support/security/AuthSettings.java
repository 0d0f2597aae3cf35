package io.roundup.support.security;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where a service finds the keys that sign tokens and which issuer it trusts.
 *
 * @param jwkSetUri the issuer's JWK set; the local gateway publishes one at {@code /api/auth/jwks}
 * @param issuer the {@code iss} every accepted token must carry
 */
@Validated
@ConfigurationProperties("roundup.auth")
public record AuthSettings(
        @NotBlank @DefaultValue("http://localhost:8080/api/auth/jwks")
        String jwkSetUri,

        @NotBlank @DefaultValue("roundup") String issuer) {}
