package io.roundup.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.roundup.deploy.OperatorModels.MongoDbUser;
import io.roundup.events.Topics;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The manifests say again what the code already says (topic names, consumer groups, settings' names, versions); these
 * tests hold the two to each other, so a rename in the code fails here rather than on a cluster.
 */
class CodeAgreementTests {

    private final Platform platform = Platform.load();

    @Test
    void theEventTopicsAreDeclaredCompactedWithThePartitionsTheServicesAreTold() {
        int partitions =
                Integer.parseInt(platform.configMapData("roundup-platform").get("ROUNDUP_EVENTS_PARTITIONS"));
        for (String name : List.of(Topics.ARTICLES, Topics.PRODUCTS, Topics.SEARCH_INDEXED)) {
            KafkaTopic topic = topic(name);
            assertThat(topic.getSpec().getPartitions()).as(name).isEqualTo(partitions);
            assertThat(topic.getSpec().getConfig()).as(name).containsEntry("cleanup.policy", "compact");
            assertThat(topic.getSpec().getReplicas()).as(name).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void articleServiceReadsTheDeclaredTopicOfWhatSearchShows() {
        assertThat(application("article-service")
                        .at("/spring/cloud/stream/bindings/searchIndexed-in-0/destination")
                        .asText())
                .isEqualTo(Topics.SEARCH_INDEXED);
        assertThat(topic(Topics.SEARCH_INDEXED).getSpec().getConfig()).containsEntry("cleanup.policy", "compact");
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
        Map<String, String> gateway = platform.configMapData("gateway");
        // The single route URIs: each names a ClusterIP Service of the base on its port, and between them they name
        // every Deployment but the gateway itself, so a service deployed without a route (or a route to a service
        // that is not deployed) fails here.
        Set<String> routedTo = new HashSet<>();
        for (String setting : GatewayRoutes.uriSettings()) {
            assertThat(gateway).as("gateway ConfigMap").containsKey(setting);
            URI uri = URI.create(gateway.get(setting));
            assertThat(uri.getScheme()).as(setting).isEqualTo("http");
            Service service = platform.service(uri.getHost());
            assertThat(service.getSpec().getClusterIP())
                    .as(setting + " names a ClusterIP Service")
                    .isNull();
            assertThat(service.getSpec().getPorts().stream().map(ServicePort::getPort))
                    .as(setting + " port")
                    .contains(uri.getPort());
            routedTo.add(uri.getHost());
        }
        assertThat(routedTo)
                .containsExactlyInAnyOrderElementsOf(platform.deployments().stream()
                        .map(d -> d.getMetadata().getName())
                        .filter(name -> !name.equals("gateway"))
                        .toList());
        // The balanced routes' settings: in DNS mode, each service's headless Service, on its port.
        assertThat(gateway).containsEntry("ROUNDUP_ROUTES_DISCOVERY", "dns");
        GatewayRoutes.instancesSettingByService().forEach((service, setting) -> {
            Service headless = platform.service(service + "-headless");
            assertThat(gateway)
                    .containsEntry(
                            setting,
                            "http://" + service + "-headless:"
                                    + headless.getSpec().getPorts().getFirst().getPort());
        });
    }

    @Test
    void theRouteSettingsAreWrittenInTheGatewayConfigMapOnly() {
        Pattern anyRouteSetting =
                Pattern.compile("(?s).*\\b(" + String.join("|", GatewayRoutes.routeSettings()) + ")\\b.*");
        List<String> elsewhere = Manifests.all().stream()
                .filter(d -> !(d.kind().equals("ConfigMap") && d.name().equals("gateway")))
                .filter(d -> anyRouteSetting.matcher(d.tree().toString()).matches())
                .map(Object::toString)
                .toList();
        assertThat(elsewhere).isEmpty();
    }

    @Test
    void everyImageTheDeploymentsRunIsAModuleWhoseJarTheRootDockerfileCopies() {
        String rootPom = read(Manifests.ROOT.resolve("pom.xml"));
        Matcher version = Pattern.compile("<artifactId>roundup</artifactId>\\s*<version>([^<]+)<")
                .matcher(rootPom);
        assertThat(version.find()).isTrue();
        String dockerfile = read(Manifests.ROOT.resolve("Dockerfile"));
        assertThat(dockerfile).contains("COPY ${SERVICE}/target/${SERVICE}-" + version.group(1) + ".jar ");
        for (var deployment : platform.deployments()) {
            String module = Platform.container(deployment).getImage().substring("roundup/".length());
            assertThat(rootPom).as(module).contains("<module>" + module + "</module>");
            String pom = read(Manifests.ROOT.resolve(module + "/pom.xml"));
            assertThat(pom).as(module).contains("<artifactId>" + module + "</artifactId>");
            // The executable jar the image runs (the Dockerfile extracts its layers).
            assertThat(pom).as(module).contains("<artifactId>spring-boot-maven-plugin</artifactId>");
        }
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
