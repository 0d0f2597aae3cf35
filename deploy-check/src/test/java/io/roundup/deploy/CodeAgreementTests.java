package io.roundup.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.roundup.deploy.OperatorModels.MongoDbUser;
import io.roundup.events.Topics;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The manifests say again what the code already says (topic names, consumer groups, settings' names, versions); these
 * tests hold the two to each other, so a rename in the code fails here rather than on a cluster.
 */
class CodeAgreementTests {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(ROUNDUP_[A-Z_]+_URI)[:}]");

    private final Platform platform = Platform.load();

    @Test
    void theEventTopicsAreDeclaredCompactedWithThePartitionsTheServicesAreTold() {
        int partitions =
                Integer.parseInt(platform.configMapData("roundup-platform").get("ROUNDUP_EVENTS_PARTITIONS"));
        for (String name : List.of(Topics.ARTICLES, Topics.PRODUCTS)) {
            KafkaTopic topic = topic(name);
            assertThat(topic.getSpec().getPartitions()).as(name).isEqualTo(partitions);
            assertThat(topic.getSpec().getConfig()).as(name).containsEntry("cleanup.policy", "compact");
            assertThat(topic.getSpec().getReplicas()).as(name).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void theDeadLetterTopicOfSearchServiceIsDeclared() {
        JsonNode bindings = application("search-service").at("/spring/cloud/stream/kafka/bindings");
        List<String> deadLetterTopics = Stream.of("articles-in-0", "products-in-0")
                .map(b -> bindings.at("/" + b + "/consumer/dlq-name").asText())
                .distinct()
                .toList();
        assertThat(deadLetterTopics)
                .singleElement()
                .satisfies(name ->
                        assertThat(topic(name).getSpec().getConfig()).containsEntry("cleanup.policy", "delete"));
    }

    @Test
    void kedaWatchesTheConsumerGroupSearchServiceReadsWith() {
        JsonNode search = application("search-service");
        String group = search.at("/spring/application/name").asText();
        assertThat(search.at("/spring/cloud/stream/bindings/articles-in-0/group")
                        .asText())
                .isEqualTo("${spring.application.name}");
        assertThat(platform.scaledObjects()).singleElement().satisfies(s -> {
            assertThat(s.spec().triggers())
                    .filteredOn(t -> t.type().equals("kafka"))
                    .isNotEmpty()
                    .allSatisfy(t -> assertThat(t.metadata()).containsEntry("consumerGroup", group));
            int partitions =
                    Integer.parseInt(platform.configMapData("roundup-platform").get("ROUNDUP_EVENTS_PARTITIONS"));
            assertThat(s.spec().maxReplicaCount()).isLessThanOrEqualTo(partitions);
        });
    }

    @Test
    void theGatewayConfigMapSetsEveryRouteSettingTheGatewayReads() {
        String gatewayYaml = read(Manifests.ROOT.resolve("gateway/src/main/resources/application.yml"));
        Matcher matcher = PLACEHOLDER.matcher(gatewayYaml);
        Map<String, String> gateway = platform.configMapData("gateway");
        int found = 0;
        while (matcher.find()) {
            found++;
            assertThat(gateway).containsKey(matcher.group(1));
        }
        assertThat(found).isEqualTo(3);
        // The balanced routes' settings (one host name per service; the headless Service in DNS mode).
        assertThat(gateway).containsEntry("ROUNDUP_ROUTES_DISCOVERY", "dns");
        for (String service : List.of("article", "product", "search")) {
            assertThat(gateway)
                    .containsEntry(
                            "ROUNDUP_" + service.toUpperCase() + "_INSTANCES",
                            "http://" + service + "-service-headless:8080");
        }
    }

    @Test
    void theRouteSettingsAreWrittenInTheGatewayConfigMapOnly() {
        List<String> elsewhere = Manifests.all().stream()
                .filter(d -> !(d.kind().equals("ConfigMap") && d.name().equals("gateway")))
                .filter(d -> d.tree()
                        .toString()
                        .matches("(?s).*(ROUNDUP_(ARTICLE|PRODUCT|SEARCH)_(URI|INSTANCES)|ROUNDUP_ROUTES_DISCOVERY).*"))
                .map(Object::toString)
                .toList();
        assertThat(elsewhere).isEmpty();
    }

    @Test
    void theGatewayReadsItsSigningKeyFromTheMountedSecret() {
        var gateway = platform.deployment("gateway");
        String keyFile = platform.configMapData("gateway").get("ROUNDUP_IDENTITY_KEY_FILE");
        var mount = Platform.container(gateway).getVolumeMounts().stream()
                .filter(m -> m.getName().equals("signing-key"))
                .findFirst()
                .orElseThrow();
        var volume = gateway.getSpec().getTemplate().getSpec().getVolumes().stream()
                .filter(v -> v.getName().equals("signing-key"))
                .findFirst()
                .orElseThrow();
        assertThat(keyFile)
                .isEqualTo(mount.getMountPath() + "/"
                        + volume.getSecret().getItems().getFirst().getPath());
    }

    @Test
    void eachMongoServiceUsesTheDatabaseItsUserMayWrite() {
        for (String service : List.of("article-service", "product-service")) {
            EnvVar uri = Platform.container(platform.deployment(service)).getEnv().stream()
                    .filter(e -> e.getName().equals("SPRING_MONGODB_URI"))
                    .findFirst()
                    .orElseThrow();
            String secret = uri.getValueFrom().getSecretKeyRef().getName();
            MongoDbUser user = platform.mongodb().spec().users().stream()
                    .filter(u -> secret.equals(u.connectionStringSecretName()))
                    .findFirst()
                    .orElseThrow();
            String database = platform.configMapData(service).get("SPRING_MONGODB_DATABASE");
            assertThat(user.roles()).singleElement().satisfies(role -> {
                assertThat(role.name()).isEqualTo("readWrite");
                assertThat(role.db()).isEqualTo(database);
            });
            // The database the service's code falls back to when no URI names one.
            assertThat(application(service).at("/spring/mongodb/uri").asText()).endsWith("/" + database + "}");
        }
    }

    @Test
    void elasticsearchRunsTheVersionTheAnalysisPluginIsBuiltFor() {
        Matcher version = Pattern.compile("<elasticsearch-distribution.version>([^<]+)<")
                .matcher(read(Manifests.ROOT.resolve("pom.xml")));
        assertThat(version.find()).isTrue();
        assertThat(platform.elasticsearch().spec().version()).isEqualTo(version.group(1));
        assertThat(read(Manifests.ROOT.resolve("search-analysis/Dockerfile")))
                .contains("elasticsearch:" + version.group(1));
    }

    private KafkaTopic topic(String name) {
        return platform.topics().stream()
                .filter(t -> name.equals(
                        t.getSpec().getTopicName() != null
                                ? t.getSpec().getTopicName()
                                : t.getMetadata().getName()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no KafkaTopic for " + name));
    }

    private static JsonNode application(String module) {
        return Manifests.tree(Manifests.ROOT.resolve(module + "/src/main/resources/application.yml"));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException ex) {
            throw new AssertionError("cannot read " + file, ex);
        }
    }
}
