package io.roundup.support.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a service says about its own operations in its OpenAPI document, on top of {@link ApiConventions}: the success
 * status when it is not 200, statuses only it knows, required revisions, examples. Naming an operation the service
 * does not have fails, so that the description cannot outlive the endpoint.
 */
public final class ApiDocs {

    /** The security scheme's name: a bearer JWT. */
    public static final String BEARER = "bearer";

    /** The schema every error answer has (RFC 9457, with {@code errors} for validation). */
    public static final String PROBLEM = "Problem";

    /** The roles an operation needs, as a list extension beside the security requirement. */
    static final String ROLES = "x-roles";

    static final List<String> EDITOR_OR_ADMIN = List.of("EDITOR", "ADMIN");

    static final List<String> ADMIN_ONLY = List.of("ADMIN");

    private static final String JSON = org.springframework.http.MediaType.APPLICATION_JSON_VALUE;

    private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    private static final JsonMapper EXAMPLES = JsonMapper.builder().build();

    private ApiDocs() {}

    /** The operation the service documents at this method and path; fails when there is none. */
    public static Documented operation(OpenAPI api, HttpMethod method, String path) {
        PathItem item = api.getPaths() == null ? null : api.getPaths().get(path);
        Operation operation =
                item == null ? null : item.readOperationsMap().get(PathItem.HttpMethod.valueOf(method.name()));
        if (operation == null) {
            throw new IllegalStateException(
                    "The API description names " + method + " " + path + ", which this service does not have");
        }
        return new Documented(operation);
    }

    /** One operation being described; each call adds to what the generated document says. */
    public static final class Documented {

        private final Operation operation;

        private Documented(Operation operation) {
            this.operation = operation;
            jsonInsteadOfAnyMediaType(operation);
        }

        public Documented id(String operationId) {
            operation.setOperationId(operationId);
            return this;
        }

        public Documented summary(String summary) {
            operation.setSummary(summary);
            return this;
        }

        public Documented description(String description) {
            String current = operation.getDescription();
            operation.setDescription(current == null ? description : description + "\n\n" + current);
            return this;
        }

        /** The answer on success is this status (201, 202, 204) rather than the generated 200. */
        public Documented succeeds(HttpStatus status) {
            ApiResponse success = operation.getResponses().remove("200");
            if (success == null) {
                success = new ApiResponse();
            }
            success.setDescription(status.getReasonPhrase());
            if (status == HttpStatus.NO_CONTENT) {
                success.setContent(null);
            }
            operation.getResponses().addApiResponse(Integer.toString(status.value()), success);
            sortResponses(operation);
            return this;
        }

        /** The success answer carries the resource's revision as {@code ETag}. */
        public Documented etag() {
            return header(HttpHeaders.ETAG, "The revision, quoted (\"3\"): send it back as If-Match to change it.");
        }

        /** The success answer's {@code Location} names the new resource (or the started job). */
        public Documented location() {
            return header(HttpHeaders.LOCATION, "The address of what was created, relative to the gateway.");
        }

        private Documented header(String name, String description) {
            ApiResponse success = success();
            success.addHeaderObject(
                    name, new Header().description(description).schema(new JsonSchema().types(Set.of("string"))));
            return this;
        }

        /** {@code If-Match} must be sent (428 without), as for every PUT of an article or product. */
        public Documented ifMatchRequired() {
            operation.getParameters().stream()
                    .filter(p -> "header".equals(p.getIn()) && HttpHeaders.IF_MATCH.equalsIgnoreCase(p.getName()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            operation.getOperationId() + " reads no If-Match header to require"))
                    .setRequired(true);
            addProblem(operation, 428, "No If-Match was sent: read the resource first and send its ETag.");
            return this;
        }

        /** A read that only editors may make (drafts, history): a token with EDITOR or ADMIN. */
        public Documented editorsOnly() {
            secure(operation, EDITOR_OR_ADMIN);
            return this;
        }

        public Documented problem(HttpStatus status, String description) {
            addProblem(operation, status.value(), description);
            sortResponses(operation);
            return this;
        }

        /** An example of the success answer, from a JSON file on the classpath. */
        public Documented example(String summary, String resource) {
            MediaType json = success().getContent() == null
                    ? null
                    : success().getContent().get(JSON);
            if (json == null) {
                throw new IllegalStateException(operation.getOperationId() + " answers no JSON to give an example of");
            }
            json.addExamples(name(resource), new Example().summary(summary).value(read(resource)));
            return this;
        }

        /** An example of the request body, from a JSON file on the classpath. */
        public Documented requestExample(String summary, String resource) {
            MediaType json = operation.getRequestBody() == null
                    ? null
                    : operation.getRequestBody().getContent().get(JSON);
            if (json == null) {
                throw new IllegalStateException(operation.getOperationId() + " takes no JSON body");
            }
            json.addExamples(name(resource), new Example().summary(summary).value(read(resource)));
            return this;
        }

        private ApiResponse success() {
            return operation.getResponses().entrySet().stream()
                    .filter(e -> e.getKey().startsWith("2"))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(operation.getOperationId() + " has no success"));
        }
    }

    static void secure(Operation operation, List<String> roles) {
        operation.addExtension(ROLES, roles);
        String needs = "Needs a bearer token with the role " + String.join(" or ", roles) + ".";
        String description = operation.getDescription();
        if (description == null || !description.contains(needs)) {
            operation.setDescription(description == null ? needs : description + "\n\n" + needs);
        }
        operation.setSecurity(List.of(new SecurityRequirement().addList(BEARER)));
        addProblem(operation, 401, "No valid bearer token was sent.");
        addProblem(operation, 403, "The token's roles do not allow this: it needs " + String.join(" or ", roles) + ".");
        sortResponses(operation);
    }

    @SuppressWarnings("unchecked")
    static List<String> roles(Object extension) {
        return extension instanceof List<?> list ? (List<String>) list : EDITOR_OR_ADMIN;
    }

    static void addProblem(Operation operation, int status, String description) {
        ApiResponses responses = operation.getResponses();
        if (responses.containsKey(Integer.toString(status))) {
            return;
        }
        responses.addApiResponse(
                Integer.toString(status),
                new ApiResponse()
                        .description(description)
                        .content(new Content()
                                .addMediaType(
                                        PROBLEM_JSON,
                                        new MediaType()
                                                .schema(new JsonSchema().$ref("#/components/schemas/" + PROBLEM)))));
    }

    /** Controllers that do not declare what they produce are generated as {@code *}{@code /*}; they answer JSON. */
    static void jsonInsteadOfAnyMediaType(Operation operation) {
        operation.getResponses().values().forEach(response -> {
            Content content = response.getContent();
            if (content != null && content.containsKey("*/*")) {
                MediaType any = content.remove("*/*");
                content.addMediaType(JSON, any);
            }
        });
    }

    static void sortResponses(Operation operation) {
        List<Map.Entry<String, ApiResponse>> entries =
                new ArrayList<>(operation.getResponses().entrySet());
        entries.sort(Map.Entry.comparingByKey());
        ApiResponses sorted = new ApiResponses();
        entries.forEach(e -> sorted.addApiResponse(e.getKey(), e.getValue()));
        if (operation.getResponses().getExtensions() != null) {
            sorted.setExtensions(operation.getResponses().getExtensions());
        }
        operation.setResponses(sorted);
    }

    static Schema<?> problemSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", string("A URI naming the kind of problem; absent for plain HTTP statuses."));
        properties.put("title", string("A short summary of the problem."));
        properties.put("status", new JsonSchema().types(Set.of("integer")).description("The HTTP status, repeated."));
        properties.put("detail", string("What went wrong, for a person."));
        properties.put("instance", string("The path that was asked for."));
        properties.put("requestId", string("The request id (X-Request-Id): quote it when you report a problem."));
        properties.put(
                "errors",
                new JsonSchema()
                        .types(Set.of("object"))
                        .description("For invalid input: each field (`entries[1].heading`, `size`) and what is "
                                + "wrong with it.")
                        .additionalProperties(new JsonSchema()
                                .types(Set.of("array"))
                                .items(new JsonSchema().types(Set.of("string")))));
        return new JsonSchema()
                .types(Set.of("object"))
                .description("An RFC 9457 problem detail (application/problem+json). Some problems add members of "
                        + "their own, as their operation says.")
                .properties(properties)
                .example(Map.of(
                        "title", "Validation failed",
                        "status", 400,
                        "detail", "The request has invalid fields.",
                        "instance", "/api/products",
                        "errors", Map.of("offers[0].price.amount", List.of("must be a decimal amount"))));
    }

    private static Schema<?> string(String description) {
        return new JsonSchema().types(Set.of("string")).description(description);
    }

    private static String name(String resource) {
        String file = resource.substring(resource.lastIndexOf('/') + 1);
        return file.endsWith(".json") ? file.substring(0, file.length() - 5) : file;
    }

    private static Object read(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return EXAMPLES.readValue(in, Object.class);
        } catch (IOException ex) {
            throw new UncheckedIOException("The example " + resource + " cannot be read", ex);
        }
    }
}
