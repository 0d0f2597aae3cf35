package io.roundup.support.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;

/**
 * What holds for every operation of every service, as API.md's conventions say: writes need EDITOR or ADMIN (ADMIN
 * alone where the handler's {@code @PreAuthorize} says so), input that cannot be used is a 400 problem with
 * {@code errors}, an address with an id can be a 404, and a sent {@code If-Match} that is stale is a 412. It runs
 * before each service's own customizer, which adds what only the service knows.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiConventions implements OpenApiCustomizer, OperationCustomizer {

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class);
        if (rule == null) {
            rule = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
        }
        if (rule != null && rule.value().contains("'ADMIN'") && !rule.value().contains("'EDITOR'")) {
            operation.addExtension(ApiDocs.ROLES, ApiDocs.ADMIN_ONLY);
        }
        return operation;
    }

    @Override
    public void customise(OpenAPI api) {
        Components components = api.getComponents() != null ? api.getComponents() : new Components();
        api.setComponents(components);
        components.addSecuritySchemes(
                ApiDocs.BEARER,
                new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT")
                        .description("A token from POST /api/auth/token (or the configured identity provider)."));
        components.addSchemas(ApiDocs.PROBLEM, ApiDocs.problemSchema());
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths()
                .forEach((path, item) ->
                        item.readOperationsMap().forEach((method, operation) -> apply(path, method, operation)));
    }

    private static void apply(String path, PathItem.HttpMethod method, Operation operation) {
        ApiDocs.jsonInsteadOfAnyMediaType(operation);
        Object roles = operation.getExtensions() == null
                ? null
                : operation.getExtensions().get(ApiDocs.ROLES);
        boolean read = method == PathItem.HttpMethod.GET || method == PathItem.HttpMethod.HEAD;
        if (roles != null) {
            ApiDocs.secure(operation, ApiDocs.roles(roles));
        } else if (!read) {
            ApiDocs.secure(operation, ApiDocs.EDITOR_OR_ADMIN);
        }
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean hasQuery = parameters.stream().anyMatch(p -> "query".equals(p.getIn()));
        if (hasQuery || operation.getRequestBody() != null) {
            ApiDocs.addProblem(operation, 400, "The input cannot be used; `errors` names each field and why.");
        }
        if (path.contains("{")) {
            ApiDocs.addProblem(operation, 404, "Nothing is published at this address (or it does not exist).");
        }
        parameters.stream()
                .filter(p -> "header".equals(p.getIn()) && HttpHeaders.IF_MATCH.equalsIgnoreCase(p.getName()))
                .forEach(ifMatch -> {
                    ifMatch.setDescription("The revision the change is based on, as the ETag of a read gave it: "
                            + "\"3\", or * for any.");
                    ApiDocs.addProblem(
                            operation, 412, "The revision has moved on; the answer's ETag is the current one.");
                });
        ApiDocs.sortResponses(operation);
    }
}
