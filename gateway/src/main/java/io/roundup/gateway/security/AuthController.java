package io.roundup.gateway.security;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.roundup.gateway.web.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The local identity provider's endpoints: password → token, and the public keys that verify the tokens. */
@RestController
@RequestMapping("/api/auth")
class AuthController {

    private final LocalUsers users;

    private final TokenIssuer issuer;

    private final SigningKey signingKey;

    AuthController(LocalUsers users, TokenIssuer issuer, SigningKey signingKey) {
        this.users = users;
        this.issuer = issuer;
        this.signingKey = signingKey;
    }

    @PostMapping(
            path = "/token",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<TokenResponse>> token(@Valid @RequestBody TokenRequest request) {
        // BCrypt is deliberately slow: keep it off the event loop.
        return Mono.fromCallable(() -> users.authenticate(request.username(), request.password()))
                .subscribeOn(Schedulers.boundedElastic())
                .map(roles -> roles.map(granted -> issuer.issue(request.username(), granted))
                        .orElseThrow(AuthController::badCredentials))
                .map(token -> ResponseEntity.ok()
                        .cacheControl(CacheControl.noStore())
                        .header(HttpHeaders.PRAGMA, "no-cache")
                        .body(new TokenResponse(
                                token.value(), "Bearer", token.expiresIn().toSeconds())));
    }

    @GetMapping(path = "/jwks", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)))
                .body(signingKey.publicJwkSet());
    }

    private static ProblemException badCredentials() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return new ProblemException(
                HttpStatus.UNAUTHORIZED, "Invalid credentials", "The username or password is not correct.", headers);
    }

    record TokenRequest(
            @NotBlank @Size(max = 100) String username,
            @NotBlank @Size(max = 200) String password) {}

    record TokenResponse(
            @JsonProperty("access_token") String accessToken,
            @JsonProperty("token_type") String tokenType,
            @JsonProperty("expires_in") long expiresIn) {}
}
