package io.roundup.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.roundup.deploy.Manifests.Document;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every manifest is a known kind and reads into its typed model with no field left over. */
class ManifestModelTests {

    @TestFactory
    Stream<DynamicTest> everyManifestReadsIntoItsTypedModelWithoutUnknownFields() {
        List<Document> documents = Manifests.all();
        assertThat(documents).hasSizeGreaterThan(30);
        return documents.stream()
                .map(d -> DynamicTest.dynamicTest(
                        d.toString(),
                        () -> assertThat(StrictModels.read(d.tree())).isNotNull()));
    }

    @Test
    void everyObjectIsNamedAndEveryFileHoldsOne() {
        assertThat(Manifests.all())
                .allSatisfy(d -> assertThat(d.name()).as(d.toString()).isNotBlank());
        assertThat(Manifests.yamlFiles().stream().filter(f -> !Manifests.isKustomizeFile(f)))
                .allSatisfy(f -> assertThat(Manifests.read(f)).as(f.toString()).isNotEmpty());
    }

    @Test
    void aMisspeltFieldDeepInsideADeploymentIsRefused() {
        JsonNode deployment = copyOf("Deployment", "search-service");
        ObjectNode container = (ObjectNode) deployment.at("/spec/template/spec/containers/0");
        container.set("readinesProbe", container.get("readinessProbe"));

        assertThatThrownBy(() -> StrictModels.read(deployment))
                .hasMessageContaining("Unrecognized field \"readinesProbe\"")
                .hasMessageContaining("containers");
    }

    @Test
    void aMisspeltFieldInAStrimziResourceIsRefused() {
        JsonNode kafka = copyOf("Kafka", "roundup");
        ((ObjectNode) kafka.at("/spec/kafka")).set("listener", kafka.at("/spec/kafka/listeners"));

        assertThatThrownBy(() -> StrictModels.read(kafka)).hasMessageContaining("Unrecognized field \"listener\"");
    }

    @Test
    void aMisspeltOrMissingFieldInAnOperatorResourceWithoutJavaModelIsRefused() {
        JsonNode elasticsearch = copyOf("Elasticsearch", "roundup");
        ((ObjectNode) elasticsearch.at("/spec/nodeSets/0/podTemplate/spec")).put("nodeSelectors", "x");
        assertThatThrownBy(() -> StrictModels.read(elasticsearch))
                .hasMessageContaining("Unrecognized field \"nodeSelectors\"");

        JsonNode mongodb = copyOf("MongoDBCommunity", "roundup-mongodb");
        ((ObjectNode) mongodb.at("/spec")).remove("type");
        assertThatThrownBy(() -> StrictModels.read(mongodb))
                .hasMessageContaining("Missing required creator property 'type'");
    }

    @Test
    void anUnknownKindOrApiVersionIsRefused() {
        ObjectNode hpa = (ObjectNode) copyOf("HorizontalPodAutoscaler", "gateway");
        hpa.put("apiVersion", "autoscaling/v2beta2");

        assertThatThrownBy(() -> StrictModels.read(hpa)).hasMessageContaining("autoscaling/v2beta2");
    }

    private static JsonNode copyOf(String kind, String name) {
        return Manifests.all().stream()
                .filter(d -> d.kind().equals(kind) && d.name().equals(name))
                .findFirst()
                .orElseThrow()
                .tree()
                .deepCopy();
    }
}
