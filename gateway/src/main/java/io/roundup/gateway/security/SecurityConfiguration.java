package io.roundup.gateway.security;

import static io.roundup.contracts.AccessTokens.ADMIN;
import static io.roundup.contracts.AccessTokens.EDITOR;

import io.roundup.contracts.AccessTokens;
import io.roundup.contracts.RequestIds;
import io.roundup.gateway.web.ProblemWriter;
import java.util.List;
import java.util.Objects;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtGrantedAuthoritiesConverterAdapter;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import reactor.core.publisher.Mono;

/**
 * Who may call what at the edge. Reads are public (but an article's search status, for editors), writes need EDITOR or
 * ADMIN, reindexing and search administration need ADMIN. A presented token is always checked, even on public reads, because services use it to show drafts.
 * Stateless: no session, no CSRF (no cookies are ever read), no saved requests.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

    private static final String[] SERVICE_AREAS = {"/api/articles/**", "/api/products/**", "/api/search/**"};

    /** Reads that tell editors' business (whether an unpublished article exists and is gone from search). */
    private static final String[] EDITORS_ONLY_READS = {"/api/articles/*/search-status"};

    private static final String[] ADMIN_ONLY = {"/api/search/reindex", "/api/search/reindex/**", "/api/search/admin/**"
    };

    @Bean
    SecurityWebFilterChain edgeSecurity(
            ServerHttpSecurity http, ReactiveJwtDecoder jwtDecoder, ProblemWriter problems) {
        ProblemAuthenticationEntryPoint unauthorized = new ProblemAuthenticationEntryPoint(problems);
        ProblemAccessDeniedHandler forbidden = new ProblemAccessDeniedHandler(problems);
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .cors(Customizer.withDefaults())
                // Cache-Control stays the services' decision (ETag revalidation of public reads); the token endpoint
                // sets no-store itself.
                .headers(headers -> headers.cache(ServerHttpSecurity.HeaderSpec.CacheSpec::disable)
                        .contentSecurityPolicy(
                                csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")))
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/api/auth/**")
                        .permitAll()
                        .pathMatchers(ADMIN_ONLY)
                        .hasRole(ADMIN)
                        .pathMatchers(EDITORS_ONLY_READS)
                        .hasAnyRole(EDITOR, ADMIN)
                        .pathMatchers(HttpMethod.POST, SERVICE_AREAS)
                        .hasAnyRole(EDITOR, ADMIN)
                        .pathMatchers(HttpMethod.PUT, SERVICE_AREAS)
                        .hasAnyRole(EDITOR, ADMIN)
                        .pathMatchers(HttpMethod.PATCH, SERVICE_AREAS)
                        .hasAnyRole(EDITOR, ADMIN)
                        .pathMatchers(HttpMethod.DELETE, SERVICE_AREAS)
                        .hasAnyRole(EDITOR, ADMIN)
                        .pathMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus")
                        .permitAll()
                        .pathMatchers("/actuator/**")
                        .hasRole(ADMIN)
                        // the public API's OpenAPI document and the Swagger UI over it (io.roundup.gateway.docs)
                        .pathMatchers(
                                HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/gateway", "/api/docs", "/api/docs/**")
                        .permitAll()
                        .anyExchange()
                        .permitAll())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtDecoder(jwtDecoder).jwtAuthenticationConverter(rolesAsAuthorities()))
                        .bearerTokenConverter(bearerOnly())
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(handling ->
                        handling.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
                .build();
    }

    /** Verifies tokens with the gateway's own public key: RS256 only, our issuer, not expired, exp required. */
    @Bean
    ReactiveJwtDecoder jwtDecoder(SigningKey signingKey, IdentitySettings settings) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withPublicKey(signingKey.publicKey())
                .signatureAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(settings.issuer()),
                new JwtClaimValidator<>(JwtClaimNames.EXP, Objects::nonNull)));
        return decoder;
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(CorsSettings settings) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (settings.allowedOrigins().isEmpty()) {
            // No configuration at all, rather than one that allows nothing, so non-browser clients that send an
            // Origin header are not refused.
            return source;
        }
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(settings.allowedOrigins());
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE"));
        cors.setAllowedHeaders(
                List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, HttpHeaders.IF_MATCH, RequestIds.HEADER));
        cors.setExposedHeaders(
                List.of(HttpHeaders.ETAG, HttpHeaders.LOCATION, RequestIds.HEADER, HttpHeaders.RETRY_AFTER));
        cors.setAllowCredentials(false);
        cors.setMaxAge(settings.maxAge());
        source.registerCorsConfiguration("/**", cors);
        return source;
    }

    /** The firewall's refusals (encoded slashes, "..", ";" in paths…) as problem+json instead of an empty 400. */
    @Bean
    ServerExchangeRejectedHandler exchangeRejectedHandler(ProblemWriter problems) {
        return (exchange, rejected) -> problems.write(
                exchange,
                HttpStatus.BAD_REQUEST,
                "Rejected request",
                "The request address contains characters or sequences that are not allowed.");
    }

    private static ReactiveJwtAuthenticationConverter rolesAsAuthorities() {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName(AccessTokens.ROLES_CLAIM);
        roles.setAuthorityPrefix("ROLE_");
        ReactiveJwtAuthenticationConverter converter = new ReactiveJwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(new ReactiveJwtGrantedAuthoritiesConverterAdapter(roles));
        return converter;
    }

    /**
     * The standard bearer converter ignores other schemes, which would let "Authorization: Basic …" through
     * unchecked and forward it to a service; any Authorization header must be a valid bearer token here.
     */
    private static ServerAuthenticationConverter bearerOnly() {
        ServerBearerTokenAuthenticationConverter bearer = new ServerBearerTokenAuthenticationConverter();
        return exchange -> {
            String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
            if (authorization != null && !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return Mono.error(new OAuth2AuthenticationException(
                        BearerTokenErrors.invalidRequest("Only bearer tokens are accepted")));
            }
            return bearer.convert(exchange);
        };
    }
}
