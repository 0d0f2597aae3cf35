package io.roundup.gateway.docs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * What the gateway's own operations (the local identity provider) answer beyond what springdoc reads from the
 * controller, and the Problem schema, for a document whose services all failed to answer.
 */
@Component
class GatewayApiDocs implements OpenApiCustomizer {

    @Override
    public void customise(OpenAPI api) {
        Operation token = operation(api, "/api/auth/token", PathItem.HttpMethod.POST);
        token.operationId("issueToken")
                .summary("Exchange a username and password for a bearer token (valid one hour)")
                .description("The local identity provider; production points the gateway at an OIDC issuer. "
                        + "Token requests have a budget of their own per address (a brute-force throttle).");
        token.getRequestBody()
                .getContent()
                .get(org.springframework.http.MediaType.APPLICATION_JSON_VALUE)
                .addExamples(
                        "editor",
                        new Example()
                                .summary("The local run's editor")
                                .value(Map.of("username", "editor", "password", "<printed at start-up>")));
        token.getResponses()
                .get("200")
                .getContent()
                .get(org.springframework.http.MediaType.APPLICATION_JSON_VALUE)
                .addExamples(
                        "token",
                        new Example()
                                .summary("A token for one hour")
                                .value(Map.of(
                                        "access_token", "eyJraWQiOi…",
                                        "token_type", "Bearer",
                                        "expires_in", 3600)));
        problem(token.getResponses(), "400", "The body is not JSON with a username and a password.");
        problem(token.getResponses(), "401", "The username or password is not correct (the same for both).");
        operation(api, "/api/auth/jwks", PathItem.HttpMethod.GET)
                .operationId("getSigningKeys")
                .summary("The public keys (JWK set) that verify the gateway's tokens");
        Components components = api.getComponents() != null ? api.getComponents() : new Components();
        api.setComponents(components);
        components.addSchemas(
                "Problem",
                new JsonSchema()
                        .types(Set.of("object"))
                        .description("An RFC 9457 problem detail (application/problem+json).")
                        .properties(Map.of(
                                "title", string(),
                                "status", new JsonSchema().types(Set.of("integer")),
                                "detail", string(),
                                "instance", string(),
                                "requestId", string())));
    }

    private static Operation operation(OpenAPI api, String path, PathItem.HttpMethod method) {
        PathItem item = api.getPaths() == null ? null : api.getPaths().get(path);
        Operation operation = item == null ? null : item.readOperationsMap().get(method);
        if (operation == null) {
            throw new IllegalStateException("The gateway has no " + method + " " + path + " to describe");
        }
        return operation;
    }

    private static void problem(ApiResponses responses, String status, String description) {
        responses.addApiResponse(
                status,
                new ApiResponse()
                        .description(description)
                        .content(new Content()
                                .addMediaType(
                                        org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                                        new MediaType()
                                                .schema(new JsonSchema().$ref("#/components/schemas/Problem")))));
    }

    private static JsonSchema string() {
        return (JsonSchema) new JsonSchema().types(Set.of("string"));
    }
}
