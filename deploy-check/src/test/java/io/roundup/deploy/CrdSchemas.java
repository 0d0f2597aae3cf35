package io.roundup.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The OpenAPI schemas of CustomResourceDefinitions, and a check of an object against them as the API server treats a
 * structural schema: a field the schema does not declare is an error here (the server would silently prune it), and
 * so are a missing required field, a wrong type, a value outside an enum, a number out of bounds or a string that
 * misses its pattern. {@code metadata} is left to the server, as in a CRD. Formats and CEL rules are not checked.
 */
final class CrdSchemas {

    private final Map<String, JsonNode> schemas;

    private CrdSchemas(Map<String, JsonNode> schemas) {
        this.schemas = schemas;
    }

    /** Reads CRDs from files or folders of YAML: CRD documents, or a {@code List} as {@code kubectl get -o yaml} writes. */
    static CrdSchemas read(List<Path> sources) {
        Map<String, JsonNode> schemas = new HashMap<>();
        for (Path source : sources) {
            for (Path file : yamlFiles(source)) {
                for (Manifests.Document document : Manifests.read(file)) {
                    add(document.tree(), schemas);
                }
            }
        }
        return new CrdSchemas(schemas);
    }

    static CrdSchemas of(JsonNode... definitions) {
        Map<String, JsonNode> schemas = new HashMap<>();
        for (JsonNode definition : definitions) {
            add(definition, schemas);
        }
        return new CrdSchemas(schemas);
    }

    boolean knows(JsonNode object) {
        return schemas.containsKey(StrictModels.kindOf(object));
    }

    /** What in the object the schema of its kind refuses; empty when it fits. */
    List<String> violations(JsonNode object) {
        JsonNode schema = schemas.get(StrictModels.kindOf(object));
        if (schema == null) {
            return List.of("no CRD schema for " + StrictModels.kindOf(object));
        }
        List<String> violations = new ArrayList<>();
        checkObject(object, schema, "", violations, true);
        return violations;
    }

    private static void add(JsonNode tree, Map<String, JsonNode> schemas) {
        if (tree.path("kind").asText().equals("List")) {
            tree.path("items").forEach(item -> add(item, schemas));
            return;
        }
        if (!tree.path("kind").asText().equals("CustomResourceDefinition")) {
            return;
        }
        JsonNode spec = tree.path("spec");
        String group = spec.path("group").asText();
        String kind = spec.path("names").path("kind").asText();
        for (JsonNode version : spec.path("versions")) {
            JsonNode schema = version.at("/schema/openAPIV3Schema");
            if (!schema.isMissingNode()) {
                schemas.put(group + "/" + version.path("name").asText() + "/" + kind, schema);
            }
        }
    }

    private static void check(JsonNode value, JsonNode schema, String path, List<String> violations) {
        if (schema.path("x-kubernetes-int-or-string").asBoolean()) {
            if (!value.isIntegralNumber() && !value.isTextual()) {
                violations.add(path + ": expected an integer or a string, found " + value.getNodeType());
            }
            return;
        }
        String type = schema.path("type").asText("");
        switch (type) {
            case "object" -> checkObject(value, schema, path, violations, false);
            case "array" -> {
                if (!value.isArray()) {
                    violations.add(path + ": expected an array, found " + value.getNodeType());
                    return;
                }
                for (int i = 0; i < value.size(); i++) {
                    check(value.get(i), schema.path("items"), path + "[" + i + "]", violations);
                }
            }
            case "string" -> {
                if (!value.isTextual()) {
                    violations.add(path + ": expected a string, found " + value.getNodeType());
                } else if (schema.has("pattern")
                        && !Pattern.compile(schema.get("pattern").asText())
                                .matcher(value.asText())
                                .find()) {
                    violations.add(path + ": '" + value.asText() + "' does not match " + schema.get("pattern"));
                }
            }
            case "integer" -> {
                if (!value.isIntegralNumber()) {
                    violations.add(path + ": expected an integer, found " + value.getNodeType());
                }
            }
            case "number" -> {
                if (!value.isNumber()) {
                    violations.add(path + ": expected a number, found " + value.getNodeType());
                }
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    violations.add(path + ": expected a boolean, found " + value.getNodeType());
                }
            }
            default -> {
                // no type: anything goes (x-kubernetes-preserve-unknown-fields on its own)
            }
        }
        if (value.isNumber()) {
            if (schema.has("minimum")
                    && value.asDouble() < schema.get("minimum").asDouble()) {
                violations.add(path + ": " + value + " is below the minimum " + schema.get("minimum"));
            }
            if (schema.has("maximum")
                    && value.asDouble() > schema.get("maximum").asDouble()) {
                violations.add(path + ": " + value + " is above the maximum " + schema.get("maximum"));
            }
        }
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode allowed : schema.get("enum")) {
                listed |= allowed.equals(value)
                        || (allowed.isTextual() && allowed.asText().equals(value.asText()));
            }
            if (!listed) {
                violations.add(path + ": " + value + " is not one of " + schema.get("enum"));
            }
        }
    }

    private static void checkObject(
            JsonNode value, JsonNode schema, String path, List<String> violations, boolean topLevel) {
        if (!value.isObject()) {
            violations.add(path + ": expected an object, found " + value.getNodeType());
            return;
        }
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.asText())) {
                violations.add(path + ": required field '" + required.asText() + "' is missing");
            }
        }
        JsonNode properties = schema.path("properties");
        JsonNode additional = schema.path("additionalProperties");
        boolean preserveUnknown =
                schema.path("x-kubernetes-preserve-unknown-fields").asBoolean();
        value.fields().forEachRemaining(field -> {
            String name = field.getKey();
            String where = path.isEmpty() ? name : path + "." + name;
            if (topLevel && (name.equals("metadata") || name.equals("apiVersion") || name.equals("kind"))) {
                return;
            }
            if (properties.has(name)) {
                check(field.getValue(), properties.get(name), where, violations);
            } else if (additional.isObject()) {
                check(field.getValue(), additional, where, violations);
            } else if (!preserveUnknown && !additional.asBoolean(false)) {
                violations.add(where + ": unknown field (the API server would drop it)");
            }
        });
    }

    private static List<Path> yamlFiles(Path source) {
        if (!Files.isDirectory(source)) {
            return List.of(source);
        }
        try (Stream<Path> files = Files.walk(source)) {
            return files.filter(
                            f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        } catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }
}
