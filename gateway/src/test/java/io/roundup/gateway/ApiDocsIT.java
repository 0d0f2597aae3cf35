package io.roundup.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public API's document as the gateway merges it from the services' own, and the Swagger UI over it, with real
 * HTTP stand-ins for two services and a third that is down.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "roundup.api-docs.incomplete-cache-for=1h",
            "roundup.rate-limit.reads.requests=40",
            "roundup.rate-limit.reads.per=1h"
        })
@AutoConfigureWebTestClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiDocsIT {

    static final StubService articles = StubService.start();

    static final StubService search = StubService.start();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("ROUNDUP_ARTICLE_URI", articles::uri);
        registry.add("ROUNDUP_SEARCH_URI", search::uri);
        registry.add("ROUNDUP_PRODUCT_URI", StubService::unreachableUri);
        articles.answer(StubService.Answer.json(200, """
                {"openapi": "3.1.0", "info": {"title": "article-service", "version": "v0"},
                 "paths": {
                   "/api/articles/{id}": {"get": {"operationId": "getArticle",
                     "responses": {"200": {"description": "OK", "content": {"application/json":
                       {"schema": {"$ref": "#/components/schemas/Price"}}}}}}},
                   "/actuator/health": {"get": {"operationId": "health", "responses": {"200": {"description": "OK"}}}}},
                 "components": {"schemas": {
                   "Price": {"type": "object", "properties": {"amount": {"type": "string"}}},
                   "Problem": {"type": "object", "properties": {"errors": {"type": "object"}}}}}}
                """));
        search.answer(StubService.Answer.json(200, """
                {"openapi": "3.1.0", "info": {"title": "search-service", "version": "v0"},
                 "paths": {
                   "/api/search": {"get": {"operationId": "search",
                     "responses": {"200": {"description": "OK", "content": {"application/json":
                       {"schema": {"$ref": "#/components/schemas/Price"}}}}}}}},
                 "components": {"schemas": {
                   "Price": {"type": "object", "properties": {"amount": {"type": "string"},
                     "currency": {"type": "string"}}}}}}
                """));
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

    @Test
    @Order(1)
    void mergesTheServicesDocumentsWithTheGatewaysOwnAndSaysWhatIsMissing() throws Exception {
        JsonNode docs = docs();

        assertThat(docs.get("openapi").asString()).isEqualTo("3.1.0");
        assertThat(docs.at("/servers/0/url").asString()).isEqualTo("http://localhost:" + port);
        assertThat(operations(docs))
                .containsExactlyInAnyOrder(
                        "GET /api/articles/{id}", "GET /api/search", "POST /api/auth/token", "GET /api/auth/jwks");
        assertThat(docs.get("x-unavailable").toString()).isEqualTo("[\"product\"]");
        assertThat(docs.at("/info/description").asString()).contains("product part did not answer");

        JsonNode token = docs.at("/paths/~1api~1auth~1token/post");
        assertThat(token.get("tags").toString()).isEqualTo("[\"auth\"]");
        assertThat(token.get("responses").propertyNames()).containsExactly("200", "400", "401", "413", "429");
        assertThat(docs.at("/components/schemas/TokenResponse/properties").propertyNames())
                .containsExactly("access_token", "token_type", "expires_in");
        assertThat(docs.at("/paths/~1api~1articles~1{id}/get/responses").propertyNames())
                .as("what the gateway itself may answer is added")
                .containsExactly("200", "429", "503");

        assertThat(docs.at("/paths/~1api~1articles~1{id}/get/responses/200/content/application~1json/schema/$ref")
                        .asString())
                .isEqualTo("#/components/schemas/Price");
        assertThat(docs.at("/paths/~1api~1search/get/responses/200/content/application~1json/schema/$ref")
                        .asString())
                .as("a different schema of the same name is renamed, with its references")
                .isEqualTo("#/components/schemas/SearchPrice");
        assertThat(docs.at("/components/schemas/SearchPrice/properties").propertyNames())
                .contains("currency");
        assertThat(docs.at("/components/schemas/Problem/properties").propertyNames())
                .as("the services' Problem is the one contract")
                .contains("errors");
    }

    @Test
    @Order(2)
    void keepsTheMergedDocumentForAWhile() throws Exception {
        docs();
        articles.reset();
        docs();

        assertThat(articles.receivedNothing()).isTrue();
    }

    @Test
    @Order(3)
    void isAPublicReadButATokenThatIsSentMustBeValid() {
        client.get()
                .uri("/v3/api-docs")
                .header(HttpHeaders.AUTHORIZATION, "Bearer not-a-token")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    @Order(4)
    void servesTheSwaggerUiOverTheDocumentFromTheGatewayAlone() {
        String page = client.get()
                .uri("/api/docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader()
                .value(
                        "Content-Security-Policy",
                        policy -> assertThat(policy)
                                .contains("script-src 'self';", "connect-src 'self';", "frame-ancestors 'none'")
                                .doesNotContain("unsafe-eval"))
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(page).contains("/api/docs/swagger-ui-bundle.js", "/api/docs/initializer.js");

        client.mutate()
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024))
                .build()
                .get()
                .uri("/api/docs/swagger-ui-bundle.js")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith("text/javascript")
                .expectBody(String.class)
                .value(script -> assertThat(script).contains("SwaggerUIBundle"));
        client.get()
                .uri("/api/docs/initializer.js")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(script -> assertThat(script).contains("url: \"/v3/api-docs\""));
        client.get()
                .uri("/api/docs/index.html")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client.get()
                .uri("/api/auth/jwks")
                .exchange()
                .expectHeader()
                .valueEquals("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    }

    @Test
    @Order(Integer.MAX_VALUE) // spends the rest of the class's read budget
    void countsAgainstTheReadBudgetLikeAnyRead() {
        int status = 200;
        for (int i = 0; i < 41 && status == 200; i++) {
            status = client.get()
                    .uri("/v3/api-docs")
                    .exchange()
                    .returnResult(String.class)
                    .getStatus()
                    .value();
        }
        assertThat(status).isEqualTo(429);
    }

    private JsonNode docs() throws Exception {
        byte[] body = client.get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType(MediaType.APPLICATION_JSON)
                .expectBody()
                .returnResult()
                .getResponseBody();
        return JsonMapper.builder().build().readTree(body);
    }

    private static List<String> operations(JsonNode docs) {
        List<String> operations = new ArrayList<>();
        docs.get("paths")
                .properties()
                .forEach(path -> path.getValue()
                        .propertyNames()
                        .forEach(method -> operations.add(method.toUpperCase() + " " + path.getKey())));
        return operations;
    }
}
