package io.roundup.gateway.security;

import io.roundup.gateway.web.ProblemWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * 401 as problem+json with a {@code WWW-Authenticate: Bearer} challenge. The detail says what to do without
 * repeating why a token failed: that reason may carry token contents.
 */
final class ProblemAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {

    private final ProblemWriter problems;

    ProblemAuthenticationEntryPoint(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
        HttpHeaders headers = new HttpHeaders();
        String detail;
        if (ex instanceof OAuth2AuthenticationException oauth
                && OAuth2ErrorCodes.INVALID_REQUEST.equals(oauth.getError().getErrorCode())) {
            headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_request\"");
            detail = "The Authorization header must hold a single bearer token: Authorization: Bearer <token>.";
        } else if (ex instanceof OAuth2AuthenticationException) {
            headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            detail = "The bearer token is malformed, expired or not issued by Roundup; "
                    + "get a new one from POST /api/auth/token.";
        } else {
            headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            detail = "This request needs a bearer token; get one from POST /api/auth/token.";
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail);
        problem.setTitle("Unauthorized");
        return problems.write(exchange, problem, headers);
    }
}
