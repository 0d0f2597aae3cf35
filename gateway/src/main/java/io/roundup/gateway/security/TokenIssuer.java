package io.roundup.gateway.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import io.roundup.contracts.AccessTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/** Signs RS256 access tokens: iss, sub, roles, iat, exp and a unique jti. */
@Component
class TokenIssuer {

    private final JwtEncoder encoder;

    private final String keyId;

    private final String issuer;

    private final Duration lifetime;

    private final Clock clock;

    @Autowired
    TokenIssuer(SigningKey key, IdentitySettings settings) {
        this(key, settings.issuer(), settings.tokenTtl(), Clock.systemUTC());
    }

    TokenIssuer(SigningKey key, String issuer, Duration lifetime, Clock clock) {
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key.jwk())));
        this.keyId = key.keyId();
        this.issuer = issuer;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    IssuedToken issue(String username, List<String> roles) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .subject(username)
                .claim(AccessTokens.ROLES_CLAIM, List.copyOf(roles))
                .issuedAt(now)
                .expiresAt(now.plus(lifetime))
                .id(UUID.randomUUID().toString())
                .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256)
                .keyId(keyId)
                .type("JWT")
                .build();
        String value = encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
        return new IssuedToken(value, lifetime);
    }

    record IssuedToken(String value, Duration expiresIn) {}
}
