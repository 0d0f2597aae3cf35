package io.roundup.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "roundup.identity.users.editor.password=editor-pass",
            "roundup.identity.users.admin.password=admin-pass",
            "roundup.identity.users.viewer.password=viewer-pass",
            "roundup.identity.users.viewer.roles=VIEWER",
            "roundup.cors.allowed-origins=http://localhost:5173",
            "roundup.limits.max-body-size=64KB",
            "roundup.rate-limit.reads.requests=100000",
            "roundup.rate-limit.writes.requests=100000",
            "roundup.rate-limit.token.requests=100000",
            "spring.cloud.gateway.server.webflux.httpclient.response-timeout=1s"
        })
@AutoConfigureWebTestClient
@ExtendWith(OutputCaptureExtension.class)
class GatewayIT {

    static final StubService articles = StubService.start();

    static final StubService search = StubService.start();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("ROUNDUP_ARTICLE_URI", articles::uri);
        registry.add("ROUNDUP_SEARCH_URI", search::uri);
        registry.add("ROUNDUP_PRODUCT_URI", StubService::unreachableUri);
    }

    @AfterAll
    static void stopServices() {
        articles.close();
        search.close();
    }

    @Autowired
    WebTestClient client;

    @LocalServerPort
    int port;

    @BeforeEach
    void resetServices() {
        articles.reset();
        search.reset();
    }

    @Test
    void issuesASignedTokenForTheRightPassword() throws Exception {
        Map<String, Object> answer = client.post()
                .uri("/api/auth/token")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "admin", "password", "admin-pass"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .cacheControl(CacheControl.noStore())
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();

        assertThat(answer).containsEntry("token_type", "Bearer").containsEntry("expires_in", 3600);
        SignedJWT jwt = SignedJWT.parse((String) answer.get("access_token"));
        RSAKey published = (RSAKey) jwks().getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(jwt.verify(new RSASSAVerifier(published)))
                .as("signed by the key published at /api/auth/jwks")
                .isTrue();
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo("roundup");
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("admin");
        assertThat(jwt.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("ADMIN", "EDITOR");
        assertThat(jwt.getJWTClaimsSet().getJWTID()).isNotBlank();
    }

    @Test
    void answersAWrongPasswordAndAnUnknownUserAlikeWith401() {
        Map<String, Object> wrongPassword = refusedTokenRequest("editor", "admin-pass");
        Map<String, Object> unknownUser = refusedTokenRequest("mallory", "admin-pass");

        assertThat(wrongPassword)
                .containsEntry("status", 401)
                .containsEntry("title", "Invalid credentials")
                .containsKey("detail")
                .doesNotContainKey("access_token");
        wrongPassword.remove("requestId");
        unknownUser.remove("requestId");
        assertThat(unknownUser).isEqualTo(wrongPassword);
    }

    @Test
    void answersAMalformedTokenRequestWith400() {
        client.post()
                .uri("/api/auth/token")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\": \"editor\", ")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(400)
                .jsonPath("$.detail")
                .isNotEmpty();

        client.post()
                .uri("/api/auth/token")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "editor"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors.password")
                .isArray();
    }

    @Test
    void publishesOnlyThePublicKeyWithAKeyId() throws Exception {
        JWKSet keys = jwks();

        assertThat(keys.getKeys()).singleElement().satisfies(key -> {
            assertThat(key.getKeyID()).isNotBlank();
            assertThat(key.isPrivate()).isFalse();
        });
    }

    @Test
    void refusesAWriteWithoutTokenWith401() {
        client.post()
                .uri("/api/articles")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\":\"x\"}")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(401)
                .jsonPath("$.title")
                .isEqualTo("Unauthorized")
                .jsonPath("$.detail")
                .isNotEmpty();

        assertThat(articles.receivedNothing()).isTrue();
    }

    @Test
    void refusesAnInvalidOrForeignTokenWith401EvenOnPublicReads() {
        client.get()
                .uri("/api/articles/1")
                .header(HttpHeaders.AUTHORIZATION, "Bearer not.a.token")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Bearer.*invalid_token.*")
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client.get()
                .uri("/api/articles/1")
                .header(HttpHeaders.AUTHORIZATION, "Basic ZWRpdG9yOmVkaXRvci1wYXNz")
                .exchange()
                .expectStatus()
                .isUnauthorized();

        assertThat(articles.receivedNothing()).isTrue();
    }

    @Test
    void refusesAWriteWithATokenLackingTheRoleWith403() {
        client.delete()
                .uri("/api/products/42")
                .headers(bearer(token("viewer", "viewer-pass")))
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(403)
                .jsonPath("$.detail")
                .isNotEmpty();
    }

    @Test
    void forwardsAnEditorsWriteWithItsTokenAndRequestId() throws Exception {
        String token = token("editor", "editor-pass");
        articles.answer(new StubService.Answer(
                201,
                "application/json",
                "{\"id\":\"a1\",\"revision\":1}",
                Map.of("Location", "/api/articles/a1", "ETag", "\"1\"")));

        client.post()
                .uri("/api/articles?draft=true")
                .headers(bearer(token))
                .header("X-Request-Id", "edit-42")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\":\"Best headphones\"}")
                .exchange()
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueEquals("X-Request-Id", "edit-42")
                .expectHeader()
                .valueEquals(HttpHeaders.LOCATION, "/api/articles/a1")
                .expectHeader()
                .valueEquals(HttpHeaders.ETAG, "\"1\"")
                .expectBody()
                .json("{\"id\":\"a1\",\"revision\":1}");

        StubService.Received received = articles.takeRequest();
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.path()).isEqualTo("/api/articles");
        assertThat(received.header(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer " + token);
        assertThat(received.header("X-Request-Id")).isEqualTo("edit-42");
        assertThat(received.body()).isEqualTo("{\"title\":\"Best headphones\"}");
        assertThat(received.header("Host"))
                .as("the client's Host, not the service's address")
                .isEqualTo("localhost:" + port);
    }

    @Test
    void aTraceparentIsContinuedOnTheWayToTheServiceAndOnTheGatewaysLogLine(CapturedOutput output) throws Exception {
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        String incoming = "00-" + traceId + "-b7ad6b7169203331-01";
        client.get()
                .uri("/api/search?q=traced")
                .header("traceparent", incoming)
                .header("X-Request-Id", "traced-7")
                .exchange()
                .expectStatus()
                .isOk();

        StubService.Received received = search.takeRequest();
        String forwarded = received.header("traceparent");
        assertThat(forwarded)
                .as("the same trace, continued from the gateway's own span")
                .matches("00-" + traceId + "-[0-9a-f]{16}-01")
                .isNotEqualTo(incoming);
        assertThat(received.header("X-Request-Id")).isEqualTo("traced-7");
        // the access log line is written once the exchange is over, which may be just after the client has the answer
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(
                                output.getOut().lines().filter(line -> line.contains("GET /api/search 200")))
                        .anySatisfy(line -> assertThat(line).contains(traceId).contains("[traced-7]")));
    }

    @Test
    void forwardsPublicReadsWithOrWithoutToken() throws Exception {
        client.get().uri("/api/search?q=headphones").exchange().expectStatus().isOk();
        StubService.Received anonymous = search.takeRequest();
        assertThat(anonymous.path()).isEqualTo("/api/search");
        assertThat(anonymous.header(HttpHeaders.AUTHORIZATION)).isNull();

        String token = token("editor", "editor-pass");
        client.get()
                .uri("/api/articles/a1")
                .headers(bearer(token))
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(articles.takeRequest().header(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer " + token);
    }

    @Test
    void replacesAnUnusableRequestIdWithAFreshOneAndPassesItOn() throws Exception {
        String returned = client.get()
                .uri("/api/articles")
                .header("X-Request-Id", "not ok; drop table")
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseHeaders()
                .getFirst("X-Request-Id");

        assertThat(UUID.fromString(returned)).isNotNull();
        assertThat(articles.takeRequest().header("X-Request-Id")).isEqualTo(returned);
    }

    @Test
    void letsOnlyEditorsReadAnArticlesSearchStatus() throws Exception {
        client.get()
                .uri("/api/articles/a1/search-status")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client.get()
                .uri("/api/articles/a1/search-status")
                .headers(bearer(token("viewer", "viewer-pass")))
                .exchange()
                .expectStatus()
                .isForbidden();
        assertThat(articles.receivedNothing()).isTrue();

        articles.answer(StubService.Answer.json(200, "{\"articleId\":\"a1\",\"searchable\":true}"));
        client.get()
                .uri("/api/articles/a1/search-status")
                .headers(bearer(token("editor", "editor-pass")))
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(articles.takeRequest().path()).isEqualTo("/api/articles/a1/search-status");
    }

    @Test
    void letsOnlyAdminsReindexSearch() throws Exception {
        client.post()
                .uri("/api/search/reindex")
                .headers(bearer(token("editor", "editor-pass")))
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(search.receivedNothing()).isTrue();

        search.answer(StubService.Answer.json(202, "{\"job\":\"j1\"}"));
        client.post()
                .uri("/api/search/reindex")
                .headers(bearer(token("admin", "admin-pass")))
                .exchange()
                .expectStatus()
                .isAccepted()
                .expectBody()
                .json("{\"job\":\"j1\"}");
        assertThat(search.takeRequest().path()).isEqualTo("/api/search/reindex");
    }

    @Test
    void refusesABodyOverTheLimitWith413BeforeItReachesTheService() {
        String token = token("editor", "editor-pass");

        client.post()
                .uri("/api/articles")
                .headers(bearer(token))
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .bodyValue(new byte[65 * 1024])
                .exchange()
                .expectStatus()
                .isEqualTo(413)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(413);
        client.post()
                .uri("/api/articles")
                .headers(bearer(token))
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(Flux.range(0, 80).map(i -> new byte[1024]), byte[].class) // chunked: no Content-Length
                .exchange()
                .expectStatus()
                .isEqualTo(413)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);

        assertThat(articles.receivedNothing()).isTrue();
    }

    @Test
    void forwardsAChunkedBodyWithinTheLimitWhole() throws Exception {
        client.put()
                .uri("/api/articles/a1")
                .headers(bearer(token("editor", "editor-pass")))
                .contentType(MediaType.APPLICATION_JSON)
                .body(Flux.just("{\"title\":", "\"Chunked\"}").map(String::getBytes), byte[].class)
                .exchange()
                .expectStatus()
                .isOk();

        assertThat(articles.takeRequest().body()).isEqualTo("{\"title\":\"Chunked\"}");
    }

    @Test
    void answers503NamingTheServiceWhenItIsDown() {
        client.get()
                .uri("/api/products/p1")
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(503)
                .jsonPath("$.detail")
                .isEqualTo("The product service is not reachable right now; try again shortly.")
                .consumeWith(result -> assertThat(new String(result.getResponseBodyContent()))
                        .doesNotContain("127.0.0.1", "localhost", "Exception", "at "));
    }

    @Test
    void answers504WhenTheServiceIsTooSlow() {
        search.delayAnswers(Duration.ofSeconds(3));

        client.get()
                .uri("/api/search?q=slow")
                .exchange()
                .expectStatus()
                .isEqualTo(504)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(504)
                .jsonPath("$.detail")
                .isEqualTo("The search service did not answer in time; try again shortly.");
    }

    @Test
    void passesTheServicesOwnProblemsThroughUnchanged() {
        String problem = "{\"title\":\"Precondition Failed\",\"status\":412,\"detail\":\"Revision 3 is stale.\"}";
        articles.answer(new StubService.Answer(412, "application/problem+json", problem, Map.of()));

        client.put()
                .uri("/api/articles/a1")
                .headers(bearer(token("editor", "editor-pass")))
                .header("If-Match", "\"3\"")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isEqualTo(412)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class)
                .isEqualTo(problem);
    }

    @Test
    void answersAnUnknownPathWith404Problem() {
        client.get()
                .uri("/api/nothing-here")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(404)
                .jsonPath("$.title")
                .isNotEmpty()
                .jsonPath("$.detail")
                .isNotEmpty();
    }

    @Test
    void answersCorsPreflightForAllowedOriginsOnly() {
        client.options()
                .uri("/api/articles/a1")
                .header(HttpHeaders.ORIGIN, "http://localhost:5173")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "PUT")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization, content-type, if-match")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://localhost:5173")
                .expectHeader()
                .value(
                        HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS,
                        methods -> assertThat(methods).contains("PUT"))
                .expectHeader()
                .value(
                        HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS,
                        headers -> assertThat(headers.toLowerCase()).contains("authorization", "if-match"));
        assertThat(articles.receivedNothing()).isTrue();

        client.options()
                .uri("/api/articles/a1")
                .header(HttpHeaders.ORIGIN, "https://evil.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "DELETE")
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }

    @Test
    void exposesTheHeadersBrowserClientsNeed() {
        client.get()
                .uri("/api/articles/a1")
                .header(HttpHeaders.ORIGIN, "http://localhost:5173")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://localhost:5173")
                .expectHeader()
                .value(
                        HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS,
                        exposed -> assertThat(exposed).contains("ETag", "Location", "X-Request-Id"));
    }

    @Test
    void sendsSecurityHeadersAndNoSession() {
        client.get()
                .uri("/api/articles/a1")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader()
                .valueEquals("X-Frame-Options", "DENY")
                .expectHeader()
                .doesNotExist(HttpHeaders.SET_COOKIE);
    }

    /**
     * A client that sends its next request the moment an answer arrives must get every answer on one keep-alive
     * connection. Reactor Netty 1.3.6 lost the request after one that arrived while the previous exchange was still
     * terminating (an answer written off the event loop, as the token endpoint's is), and the client hung.
     */
    @Test
    void keepsAnsweringEveryRequestOnOneKeepAliveConnection() throws Exception {
        String wrongPassword = "{\"username\":\"editor\",\"password\":\"wrong\"}";
        try (KeepAliveConnection connection = new KeepAliveConnection(port)) {
            for (int i = 0; i < 60; i++) {
                assertThat(connection.exchange("POST /api/auth/token", wrongPassword))
                        .isEqualTo(401);
                assertThat(connection.exchange("DELETE /api/products/42", null)).isEqualTo(401);
            }
        }
    }

    @Test
    void reportsHealthAndMetricsToOperators() {
        client.get()
                .uri("/actuator/health/liveness")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP");
        client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        client.get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(metrics -> assertThat(metrics).contains("jvm_memory_used_bytes"));
    }

    private JWKSet jwks() throws Exception {
        String json = client.get()
                .uri("/api/auth/jwks")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        return JWKSet.parse(json);
    }

    private Map<String, Object> refusedTokenRequest(String username, String password) {
        return client.post()
                .uri("/api/auth/token")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", password))
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
    }

    private String token(String username, String password) {
        Map<?, ?> answer = client.post()
                .uri("/api/auth/token")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", password))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        return (String) answer.get("access_token");
    }

    private static Consumer<HttpHeaders> bearer(String token) {
        return headers -> headers.setBearerAuth(token);
    }
}
