package io.roundup.gateway.docs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Merges the services' OpenAPI documents and the gateway's own into the one document of the public API. Only routes
 * under {@code /api/} are public; each operation is tagged with the part of the platform that serves it and gains
 * the answers the gateway itself may give (429, 413, 503). Schemas of the same name and shape are kept once, those
 * that only share a name are prefixed with their service ({@code ProductOffer}); {@code Problem} is one contract.
 */
final class ApiDocsMerger {

    /** A document of one part of the platform, or null when it could not be had. */
    record Part(String area, JsonNode document) {}

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    /** Schemas that are the same contract everywhere, whatever their wording: the first definition is kept. */
    private static final Set<String> SHARED_SCHEMAS = Set.of("Problem");

    private static final String SCHEMA_REF = "#/components/schemas/";

    private static final Map<String, String> AREA_DESCRIPTIONS = Map.of(
            "auth", "Tokens from the gateway's local identity provider, and the keys that verify them",
            "article", "Review roundups: drafts, the publishing workflow, revisions",
            "product", "The product catalog with offers and prices",
            "search", "Searching published reviews, and the admins' reindex and synonyms");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ApiDocsMerger() {}

    /** The merged document, without servers (they depend on how the gateway was reached). */
    static ObjectNode merge(String version, List<Part> parts) {
        ObjectNode merged = NODES.objectNode();
        merged.put("openapi", "3.1.0");
        ObjectNode info = merged.putObject("info");
        info.put("title", "Roundup API");
        info.put("version", version);
        ObjectNode paths = NODES.objectNode();
        ObjectNode schemas = NODES.objectNode();
        ObjectNode securitySchemes = NODES.objectNode();
        ArrayNode tags = NODES.arrayNode();
        List<String> missing = new ArrayList<>();
        Set<String> operationIds = new HashSet<>();
        for (Part part : parts) {
            if (part.document() == null || !part.document().path("paths").isObject()) {
                missing.add(part.area());
                continue;
            }
            JsonNode document = renameCollidingSchemas(part, schemas);
            document.path("components").path("schemas").properties().forEach(schema -> {
                if (!schemas.has(schema.getKey())) {
                    schemas.set(schema.getKey(), schema.getValue());
                }
            });
            document.path("components").path("securitySchemes").properties().forEach(scheme -> {
                if (!securitySchemes.has(scheme.getKey())) {
                    securitySchemes.set(scheme.getKey(), scheme.getValue());
                }
            });
            boolean served = addPaths(part.area(), document.path("paths"), paths, operationIds);
            if (served) {
                ObjectNode tag = tags.addObject();
                tag.put("name", part.area());
                tag.put("description", AREA_DESCRIPTIONS.getOrDefault(part.area(), part.area()));
            }
        }
        info.put("description", description(missing));
        merged.set("tags", tags);
        merged.set("paths", paths);
        ObjectNode components = merged.putObject("components");
        components.set("schemas", schemas);
        components.set("securitySchemes", securitySchemes);
        if (!missing.isEmpty()) {
            ArrayNode unavailable = merged.putArray("x-unavailable");
            missing.forEach(unavailable::add);
        }
        return merged;
    }

    /** The areas a merged document lacks, as {@link #merge} listed them. */
    static List<String> missing(JsonNode merged) {
        List<String> missing = new ArrayList<>();
        merged.path("x-unavailable").forEach(area -> missing.add(area.asString()));
        return missing;
    }

    private static String description(List<String> missing) {
        String description = "The public HTTP API of Roundup, through the gateway. Reads of published content are "
                + "public; writes need a bearer token (POST /api/auth/token) with the role each operation names "
                + "(`x-roles`). Errors are application/problem+json. Articles and products carry their revision "
                + "as ETag; PUT needs it back as If-Match (412 when stale, 428 when missing). Every operation may "
                + "answer 429 (rate limit, with Retry-After).";
        if (missing.isEmpty()) {
            return description;
        }
        return description + "\n\n**Incomplete right now:** the " + String.join(", ", missing)
                + " part did not answer, so its operations are missing from this document.";
    }

    private static boolean addPaths(String area, JsonNode source, ObjectNode paths, Set<String> operationIds) {
        boolean any = false;
        for (Map.Entry<String, JsonNode> path : source.properties()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            ObjectNode item =
                    paths.has(path.getKey()) ? (ObjectNode) paths.get(path.getKey()) : paths.putObject(path.getKey());
            for (Map.Entry<String, JsonNode> entry : path.getValue().properties()) {
                if (!METHODS.contains(entry.getKey()) || item.has(entry.getKey())) {
                    continue;
                }
                ObjectNode operation = (ObjectNode) entry.getValue().deepCopy();
                operation.set("tags", NODES.arrayNode().add(area));
                String id = operation.path("operationId").asString(entry.getKey());
                if (!operationIds.add(id)) {
                    id = area + Character.toUpperCase(id.charAt(0)) + id.substring(1);
                    operationIds.add(id);
                    operation.put("operationId", id);
                }
                addGatewayAnswers(area, operation);
                item.set(entry.getKey(), operation);
                any = true;
            }
        }
        return any;
    }

    /** What the gateway may answer before the request reaches a service. */
    private static void addGatewayAnswers(String area, ObjectNode operation) {
        ObjectNode responses =
                operation.has("responses") ? (ObjectNode) operation.get("responses") : operation.putObject("responses");
        if (operation.has("requestBody")) {
            problem(responses, "413", "The request body is larger than the gateway accepts (1 MB by default).");
        }
        ObjectNode tooMany =
                problem(responses, "429", "Too many requests from this address; retry after Retry-After seconds.");
        if (tooMany != null) {
            tooMany.putObject("headers")
                    .putObject("Retry-After")
                    .put("description", "Seconds until the budget allows another request.")
                    .putObject("schema")
                    .put("type", "integer");
        }
        if (!"auth".equals(area)) {
            problem(responses, "503", "The service behind this route is not reachable right now.");
        }
        // keep the answers in the order of their codes, as the services list theirs
        Map<String, JsonNode> sorted = new TreeMap<>();
        responses.properties().forEach(e -> sorted.put(e.getKey(), e.getValue()));
        responses.removeAll();
        sorted.forEach(responses::set);
    }

    private static ObjectNode problem(ObjectNode responses, String status, String description) {
        if (responses.has(status)) {
            return null;
        }
        ObjectNode response = responses.putObject(status);
        response.put("description", description);
        response.putObject("content")
                .putObject("application/problem+json")
                .putObject("schema")
                .put("$ref", SCHEMA_REF + "Problem");
        return response;
    }

    /**
     * A copy of the part's document in which every schema whose name is taken by a different schema is renamed
     * with the area's prefix, along with the references to it.
     */
    private static JsonNode renameCollidingSchemas(Part part, ObjectNode schemas) {
        Map<String, String> renamed = new HashMap<>();
        JsonNode own = part.document().path("components").path("schemas");
        for (Map.Entry<String, JsonNode> schema : own.properties()) {
            String name = schema.getKey();
            JsonNode existing = schemas.get(name);
            if (existing == null || SHARED_SCHEMAS.contains(name) || existing.equals(schema.getValue())) {
                continue;
            }
            String prefix =
                    Character.toUpperCase(part.area().charAt(0)) + part.area().substring(1);
            String candidate = prefix + name;
            for (int n = 2; schemas.has(candidate) || own.has(candidate); n++) {
                candidate = prefix + name + n;
            }
            renamed.put(name, candidate);
        }
        JsonNode copy = part.document().deepCopy();
        if (renamed.isEmpty()) {
            return copy;
        }
        rewriteReferences(copy, renamed);
        ObjectNode copiedSchemas = (ObjectNode) copy.path("components").path("schemas");
        Map<String, JsonNode> reordered = new LinkedHashMap<>();
        copiedSchemas
                .properties()
                .forEach(e -> reordered.put(renamed.getOrDefault(e.getKey(), e.getKey()), e.getValue()));
        copiedSchemas.removeAll();
        reordered.forEach(copiedSchemas::set);
        return copy;
    }

    private static void rewriteReferences(JsonNode node, Map<String, String> renamed) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isString() && ref.asString().startsWith(SCHEMA_REF)) {
                String target = renamed.get(ref.asString().substring(SCHEMA_REF.length()));
                if (target != null) {
                    object.set("$ref", StringNode.valueOf(SCHEMA_REF + target));
                }
            }
            object.properties().forEach(e -> rewriteReferences(e.getValue(), renamed));
        } else if (node instanceof ArrayNode array) {
            array.forEach(element -> rewriteReferences(element, renamed));
        }
    }
}
