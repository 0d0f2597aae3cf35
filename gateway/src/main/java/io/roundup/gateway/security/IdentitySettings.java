package io.roundup.gateway.security;

import io.roundup.contracts.AccessTokens;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The local identity provider ({@code roundup.identity.*}): token issuer and lifetime, the signing key file (in memory
 * when unset) and the users with their roles. A blank password means "generate one at start-up". Named apart from the
 * services' {@code roundup.auth.*}, which says whose tokens a service trusts.
 */
@Validated
@ConfigurationProperties("roundup.identity")
record IdentitySettings(
        @NotBlank @DefaultValue(AccessTokens.DEFAULT_ISSUER) String issuer,
        @NotNull @DefaultValue("1h") Duration tokenTtl,
        @Nullable Path keyFile,
        @NotEmpty Map<String, @NotNull @Valid User> users) {

    @AssertTrue(message = "tokenTtl must be positive")
    boolean isTokenTtlPositive() {
        return tokenTtl == null || tokenTtl.isPositive();
    }

    record User(@Nullable String password, @NotEmpty List<@NotBlank String> roles) {

        // BCrypt looks at 72 bytes at most; refusing longer ones beats silently ignoring their tail.
        @AssertTrue(message = "password must be at most 72 bytes in UTF-8")
        boolean isPasswordHashable() {
            return password == null
                    || password.getBytes(StandardCharsets.UTF_8).length <= LocalUsers.MAX_PASSWORD_BYTES;
        }
    }
}
