package io.roundup.support.security;

import io.roundup.contracts.AccessTokens;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where a service finds the keys that sign tokens and which issuer it trusts ({@code roundup.auth.*}). The gateway's
 * identity provider, which issues the tokens, has settings of its own under {@code roundup.identity.*}.
 *
 * @param jwkSetUri the issuer's JWK set; the local gateway publishes one at {@code /api/auth/jwks}
 * @param issuer the {@code iss} every accepted token must carry
 */
@Validated
@ConfigurationProperties("roundup.auth")
public record AuthSettings(
        @NotBlank @DefaultValue("http://localhost:8080/api/auth/jwks")
        String jwkSetUri,

        @NotBlank @DefaultValue(AccessTokens.DEFAULT_ISSUER) String issuer) {}
