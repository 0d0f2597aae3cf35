package io.roundup.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

class TokenIssuerTests {

    private static final SigningKey KEY = new SigningKey((Path) null);

    private final TokenIssuer issuer = new TokenIssuer(KEY, "roundup", Duration.ofHours(1), Clock.systemUTC());

    private final NimbusJwtDecoder decoder =
            NimbusJwtDecoder.withPublicKey(KEY.publicKey()).build();

    @Test
    void issuesAnRs256TokenWithTheAgreedClaims() {
        TokenIssuer.IssuedToken token = issuer.issue("editor", List.of("EDITOR"));

        Jwt jwt = decoder.decode(token.value());
        assertThat(jwt.getHeaders()).containsEntry("alg", "RS256").containsEntry("kid", KEY.keyId());
        assertThat(jwt.getClaimAsString("iss")).isEqualTo("roundup");
        assertThat(jwt.getSubject()).isEqualTo("editor");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("EDITOR");
        assertThat(jwt.getId()).isNotBlank();
        assertThat(jwt.getIssuedAt()).isNotNull();
        assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofHours(1));
        assertThat(token.expiresIn()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void givesEveryTokenItsOwnId() {
        String first = decoder.decode(
                        issuer.issue("admin", List.of("ADMIN", "EDITOR")).value())
                .getId();
        String second = decoder.decode(
                        issuer.issue("admin", List.of("ADMIN", "EDITOR")).value())
                .getId();

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void issuesTokensThatExpire() {
        Clock twoHoursAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC);
        String stale = new TokenIssuer(KEY, "roundup", Duration.ofHours(1), twoHoursAgo)
                .issue("editor", List.of("EDITOR"))
                .value();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer("roundup"));

        assertThatExceptionOfType(JwtException.class).isThrownBy(() -> decoder.decode(stale));
    }

    @Test
    void signsWithAKeyThatOtherKeysCannotStandIn() {
        SigningKey other = new SigningKey((Path) null);
        String foreign = new TokenIssuer(other, "roundup", Duration.ofHours(1), Clock.systemUTC())
                .issue("admin", List.of("ADMIN"))
                .value();

        assertThatExceptionOfType(JwtException.class).isThrownBy(() -> decoder.decode(foreign));
    }
}
