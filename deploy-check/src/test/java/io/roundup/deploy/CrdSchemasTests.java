package io.roundup.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The CRD schema check (used by {@link CrdSchemaCheck} on a cluster's CRDs) on a small CRD of its own. */
class CrdSchemasTests {

    private static final String CRD = """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata:
              name: widgets.example.org
            spec:
              group: example.org
              names:
                kind: Widget
              versions:
                - name: v1
                  schema:
                    openAPIV3Schema:
                      type: object
                      properties:
                        spec:
                          type: object
                          required: [size]
                          properties:
                            size:
                              type: integer
                              minimum: 1
                            mode:
                              type: string
                              enum: [fast, safe]
                            name:
                              type: string
                              pattern: "^[a-z]+$"
                            port:
                              x-kubernetes-int-or-string: true
                            labels:
                              type: object
                              additionalProperties:
                                type: string
                            config:
                              type: object
                              x-kubernetes-preserve-unknown-fields: true
                            parts:
                              type: array
                              items:
                                type: object
                                properties:
                                  id:
                                    type: integer
            """;

    private final CrdSchemas schemas = CrdSchemas.of(yaml(CRD));

    @Test
    void aResourceThatFitsHasNoViolations() {
        JsonNode widget = widget("""
                size: 3
                mode: safe
                name: abc
                port: http
                labels: {team: search}
                config: {anything: {goes: here}}
                parts: [{id: 1}, {id: 2}]
                """);

        assertThat(schemas.knows(widget)).isTrue();
        assertThat(schemas.violations(widget)).isEmpty();
    }

    @Test
    void unknownFieldsMissingRequiredOnesWrongTypesAndValuesAreEachNamed() {
        JsonNode widget = widget("""
                mode: quick
                name: ABC
                port: 1.5
                labels: {team: 7}
                parts: [{id: 1, colour: red}]
                sizes: 3
                """);

        assertThat(schemas.violations(widget))
                .containsExactlyInAnyOrder(
                        "spec: required field 'size' is missing",
                        "spec.mode: \"quick\" is not one of [\"fast\",\"safe\"]",
                        "spec.name: 'ABC' does not match \"^[a-z]+$\"",
                        "spec.port: expected an integer or a string, found NUMBER",
                        "spec.labels.team: expected a string, found NUMBER",
                        "spec.parts[0].colour: unknown field (the API server would drop it)",
                        "spec.sizes: unknown field (the API server would drop it)");
    }

    @Test
    void boundsAreChecked() {
        assertThat(schemas.violations(widget("size: 0"))).containsExactly("spec.size: 0 is below the minimum 1");
    }

    @Test
    void aKindWithoutCrdIsReported() {
        JsonNode other = yaml("apiVersion: example.org/v2\nkind: Widget\nmetadata: {name: w}\n");

        assertThat(schemas.knows(other)).isFalse();
        assertThat(schemas.violations(other)).containsExactly("no CRD schema for example.org/v2/Widget");
    }

    private static JsonNode widget(String spec) {
        return yaml("apiVersion: example.org/v1\nkind: Widget\nmetadata: {name: w}\nspec:\n" + spec.indent(2));
    }

    private static JsonNode yaml(String text) {
        try {
            return Manifests.YAML.readTree(text);
        } catch (Exception ex) {
            throw new IllegalArgumentException(ex);
        }
    }
}
