package io.roundup.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.roundup.deploy.Manifests.Document;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Checks the operator resources against the real CRDs of a cluster. The build cannot: the CRDs are not on Maven
 * Central, and no cluster runs here. Not part of {@code ./mvnw verify} (its name is no test's); run it with the CRDs
 * that {@code kubectl get crd ... -o yaml} wrote, as deploy/README.md shows:
 *
 * <pre>./mvnw -pl deploy-check -am test -Dtest=CrdSchemaCheck -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Droundup.crds=/tmp/roundup-crds.yaml</pre>
 */
class CrdSchemaCheck {

    @TestFactory
    Stream<DynamicTest> everyOperatorResourceFitsTheSchemaOfItsCrd() {
        String sources = System.getProperty("roundup.crds", "");
        assertThat(sources)
                .as("-Droundup.crds=<CRD files or folders, comma-separated>")
                .isNotBlank();
        CrdSchemas crds = CrdSchemas.read(Arrays.stream(sources.split(","))
                .map(String::trim)
                .map(Path::of)
                .toList());
        List<Document> resources = Manifests.all().stream()
                .filter(d -> d.tree().path("apiVersion").asText().contains("."))
                .filter(d -> !d.tree().path("apiVersion").asText().startsWith("kustomize."))
                .toList();
        assertThat(resources).isNotEmpty();
        return resources.stream()
                .map(d -> DynamicTest.dynamicTest(
                        d.toString(),
                        () -> assertThat(crds.violations(d.tree()))
                                .as(d.toString())
                                .isEmpty()));
    }
}
