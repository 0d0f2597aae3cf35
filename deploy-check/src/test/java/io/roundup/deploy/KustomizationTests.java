package io.roundup.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code kubectl apply -k} applies what the kustomizations list: every manifest of the base is listed (a file left out
 * would silently not be deployed), every listed file exists, the secret templates are in none, and every image the
 * manifests name can be set from the kustomization.
 */
class KustomizationTests {

    private static final Set<String> KNOWN_FIELDS =
            Set.of("apiVersion", "kind", "namespace", "labels", "resources", "configurations", "images", "patches");

    @Test
    void theBaseListsEveryManifestUnderItAndOnlyFilesThatExist() {
        Path base = Manifests.KUBERNETES.resolve("base");
        JsonNode kustomization = Manifests.tree(base.resolve("kustomization.yaml"));

        Set<Path> listed = new HashSet<>();
        for (String resource : strings(kustomization.path("resources"))) {
            Path file = base.resolve(resource).normalize();
            assertThat(file).as(resource).isRegularFile();
            listed.add(file);
        }
        List<Path> manifests = Manifests.yamlFiles().stream()
                .filter(f -> f.startsWith(base) && !Manifests.isKustomizeFile(f))
                .toList();
        assertThat(listed).containsExactlyInAnyOrderElementsOf(manifests);
        assertThat(strings(kustomization.path("configurations")))
                .allSatisfy(c -> assertThat(base.resolve(c)).isRegularFile());
        assertThat(kustomization.path("namespace").asText()).isEqualTo("roundup");
    }

    @Test
    void everyKustomizationUsesOnlyKnownFieldsAndResolvesItsResources() {
        List<Path> kustomizations = Manifests.yamlFiles().stream()
                .filter(f -> f.getFileName().toString().equals("kustomization.yaml"))
                .toList();
        assertThat(kustomizations).hasSize(2);
        for (Path file : kustomizations) {
            JsonNode kustomization = Manifests.tree(file);
            assertThat(kustomization.get("apiVersion").asText()).isEqualTo("kustomize.config.k8s.io/v1beta1");
            assertThat(kustomization.get("kind").asText()).isEqualTo("Kustomization");
            kustomization
                    .fieldNames()
                    .forEachRemaining(
                            f -> assertThat(KNOWN_FIELDS).as(file + " field").contains(f));
            for (String resource : strings(kustomization.path("resources"))) {
                Path target = file.getParent().resolve(resource).normalize();
                assertThat(Files.isRegularFile(target) || Files.isRegularFile(target.resolve("kustomization.yaml")))
                        .as(file + " resource " + resource)
                        .isTrue();
                assertThat(target.startsWith(Manifests.KUBERNETES.resolve("secrets")))
                        .as("secret templates are applied by no kustomization")
                        .isFalse();
            }
        }
    }

    @Test
    void theKedaOverlayReplacesTheCpuAutoscalerOfSearchServiceWithTheScaledObject() {
        JsonNode overlay = Manifests.tree(Manifests.KUBERNETES.resolve("overlays/keda/kustomization.yaml"));
        assertThat(strings(overlay.path("resources"))).contains("../../base");
        JsonNode patch = overlay.path("patches").get(0);
        assertThat(patch.at("/target/kind").asText()).isEqualTo("HorizontalPodAutoscaler");
        assertThat(patch.at("/target/name").asText()).isEqualTo("search-service");
        assertThat(patch.path("patch").asText()).contains("$patch: delete");

        Platform platform = Platform.load();
        assertThat(platform.autoscalers().stream().map(h -> h.getMetadata().getName()))
                .contains("search-service");
        assertThat(platform.scaledObjects())
                .singleElement()
                .satisfies(s -> assertThat(s.spec().scaleTargetRef().name()).isEqualTo("search-service"));
    }

    @Test
    void everyImageTheManifestsNameCanBeSetFromTheKustomization() {
        JsonNode kustomization = Manifests.tree(Manifests.KUBERNETES.resolve("base/kustomization.yaml"));
        Set<String> settable = new HashSet<>();
        kustomization.path("images").forEach(i -> settable.add(i.path("name").asText()));

        Platform platform = Platform.load();
        List<String> images = new ArrayList<>();
        platform.deployments().forEach(d -> images.add(Platform.container(d).getImage()));
        images.add(platform.elasticsearch().spec().image());
        assertThat(settable).containsExactlyInAnyOrderElementsOf(images);

        // Kustomize rewrites a custom resource's image only where a configuration tells it the field.
        JsonNode imageFields = Manifests.tree(Manifests.KUBERNETES.resolve("base/kustomizeconfig/images.yaml"));
        assertThat(imageFields.path("images")).anySatisfy(f -> {
            assertThat(f.path("kind").asText()).isEqualTo("Elasticsearch");
            assertThat(f.path("path").asText()).isEqualTo("spec/image");
        });
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.asText()));
        return values;
    }
}
