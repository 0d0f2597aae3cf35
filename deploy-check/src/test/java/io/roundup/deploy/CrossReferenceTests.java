package io.roundup.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.roundup.deploy.OperatorModels.MongoDbUser;
import io.roundup.deploy.OperatorModels.ScaledObject;
import io.roundup.deploy.OperatorModels.SecretSource;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The objects point at each other by name and label; a typo there applies cleanly and fails only at run time (a Service
 * with no endpoints, a pod stuck in CreateContainerConfigError, an HPA that scales nothing). These tests follow every
 * such reference.
 */
class CrossReferenceTests {

    private final Platform platform = Platform.load();

    @Test
    void everyServiceSelectsThePodsOfADeploymentAndTargetsOneOfTheirPorts() {
        for (Service service : platform.services()) {
            Map<String, String> selector = service.getSpec().getSelector();
            assertThat(selector).as(name(service) + " selector").isNotEmpty();
            List<Deployment> selected = platform.deployments().stream()
                    .filter(d -> podLabels(d).entrySet().containsAll(selector.entrySet()))
                    .toList();
            assertThat(selected)
                    .as(name(service) + " selects no Deployment's pods")
                    .isNotEmpty();
            for (ServicePort port : service.getSpec().getPorts()) {
                for (Deployment deployment : selected) {
                    assertThat(namesAContainerPort(Platform.container(deployment), port.getTargetPort()))
                            .as(name(service) + " targetPort " + port.getTargetPort() + " in " + name(deployment))
                            .isTrue();
                }
            }
        }
    }

    @Test
    void everyDeploymentSelectorMatchesItsOwnPodLabels() {
        platform.deployments()
                .forEach(d -> assertThat(podLabels(d))
                        .as(name(d))
                        .containsAllEntriesOf(d.getSpec().getSelector().getMatchLabels()));
    }

    @Test
    void everyProbePortIsAPortOfItsContainer() {
        for (Deployment deployment : platform.deployments()) {
            Container container = Platform.container(deployment);
            Stream.of(container.getStartupProbe(), container.getLivenessProbe(), container.getReadinessProbe())
                    .filter(Objects::nonNull)
                    .map(Probe::getHttpGet)
                    .forEach(get -> assertThat(namesAContainerPort(container, get.getPort()))
                            .as(name(deployment) + " probe port " + get.getPort())
                            .isTrue());
        }
    }

    @Test
    void everyConfigMapAndSecretAPodReadsExistsWithTheKeysItReads() {
        Map<String, Set<String>> configMaps = new HashMap<>();
        platform.configMaps().forEach(c -> configMaps.put(c.getMetadata().getName(), keys(c)));
        Map<String, Set<String>> secrets = knownSecrets();

        for (Deployment deployment : platform.deployments()) {
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            Container container = Platform.container(deployment);
            String where = name(deployment);
            for (EnvFromSource source : container.getEnvFrom()) {
                if (source.getConfigMapRef() != null) {
                    assertThat(configMaps)
                            .as(where)
                            .containsKey(source.getConfigMapRef().getName());
                }
                if (source.getSecretRef() != null) {
                    assertThat(secrets)
                            .as(where)
                            .containsKey(source.getSecretRef().getName());
                }
            }
            for (EnvVar env : container.getEnv()) {
                if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
                    var ref = env.getValueFrom().getSecretKeyRef();
                    assertThat(secrets).as(where + " " + env.getName()).containsKey(ref.getName());
                    assertThat(secrets.get(ref.getName()))
                            .as(where + " " + env.getName())
                            .contains(ref.getKey());
                }
                if (env.getValueFrom() != null && env.getValueFrom().getConfigMapKeyRef() != null) {
                    var ref = env.getValueFrom().getConfigMapKeyRef();
                    assertThat(configMaps.get(ref.getName()))
                            .as(where + " " + env.getName())
                            .contains(ref.getKey());
                }
            }
            for (Volume volume : pod.getVolumes()) {
                if (volume.getSecret() != null) {
                    String secret = volume.getSecret().getSecretName();
                    assertThat(secrets)
                            .as(where + " volume " + volume.getName())
                            .containsKey(secret);
                    if (volume.getSecret().getItems() != null) {
                        volume.getSecret()
                                .getItems()
                                .forEach(item -> assertThat(secrets.get(secret))
                                        .as(where + " volume " + volume.getName())
                                        .contains(item.getKey()));
                    }
                }
                if (volume.getConfigMap() != null) {
                    assertThat(configMaps)
                            .as(where)
                            .containsKey(volume.getConfigMap().getName());
                }
            }
            Set<String> volumes = new HashSet<>();
            pod.getVolumes().forEach(v -> volumes.add(v.getName()));
            container
                    .getVolumeMounts()
                    .forEach(mount -> assertThat(volumes).as(where + " mount").contains(mount.getName()));
        }
    }

    @Test
    void theOperatorsFindTheSecretsTheirResourcesName() {
        Map<String, Set<String>> secrets = knownSecrets();
        for (MongoDbUser user : platform.mongodb().spec().users()) {
            assertThat(secrets)
                    .as("MongoDB user " + user.name() + " password")
                    .containsKey(user.passwordSecretRef().name());
            assertThat(secrets.get(user.passwordSecretRef().name()))
                    .contains(user.passwordSecretRef().keyOrDefault());
        }
        var auth = platform.elasticsearch().spec().auth();
        for (SecretSource roles : auth.roles()) {
            assertThat(secrets).as("Elasticsearch roles").containsKey(roles.secretName());
            assertThat(secrets.get(roles.secretName())).contains("roles.yml");
        }
        for (SecretSource user : auth.fileRealm()) {
            assertThat(secrets).as("Elasticsearch file-realm user").containsKey(user.secretName());
            assertThat(secrets.get(user.secretName())).contains("username", "password", "roles");
        }
    }

    @Test
    void everyAutoscalerAndDisruptionBudgetTargetsADeployment() {
        Set<String> deployments = new HashSet<>();
        platform.deployments().forEach(d -> deployments.add(d.getMetadata().getName()));

        for (HorizontalPodAutoscaler hpa : platform.autoscalers()) {
            var target = hpa.getSpec().getScaleTargetRef();
            assertThat(target.getKind()).as(name(hpa)).isEqualTo("Deployment");
            assertThat(target.getApiVersion()).as(name(hpa)).isEqualTo("apps/v1");
            assertThat(deployments).as(name(hpa)).contains(target.getName());
        }
        for (ScaledObject scaled : platform.scaledObjects()) {
            assertThat(scaled.spec().scaleTargetRef().kind()).isEqualTo("Deployment");
            assertThat(deployments).contains(scaled.spec().scaleTargetRef().name());
        }
        for (PodDisruptionBudget pdb : platform.disruptionBudgets()) {
            Map<String, String> selector = pdb.getSpec().getSelector().getMatchLabels();
            assertThat(platform.deployments().stream()
                            .filter(d -> podLabels(d).entrySet().containsAll(selector.entrySet())))
                    .as(name(pdb) + " selects the pods of exactly one Deployment")
                    .hasSize(1);
        }
    }

    @Test
    void everyDeploymentHasAServiceABudgetAndAnAutoscalerAndEveryBackendAHeadlessService() {
        for (Deployment deployment : platform.deployments()) {
            String name = deployment.getMetadata().getName();
            Service service = platform.service(name);
            assertThat(service.getSpec().getClusterIP()).as(name + " ClusterIP").isNull();
            assertThat(platform.disruptionBudgets().stream()
                            .map(p -> p.getMetadata().getName()))
                    .as(name)
                    .contains(name);
            assertThat(platform.autoscalers().stream()
                            .map(h -> h.getSpec().getScaleTargetRef().getName()))
                    .as(name)
                    .contains(name);
            // The gateway balances over the backends' copies itself (DNS mode); the site and the gateway are reached
            // through their ClusterIP Services only.
            boolean backend = "backend".equals(podLabels(deployment).get("app.kubernetes.io/component"));
            assertThat(platform.services().stream().map(s -> s.getMetadata().getName()))
                    .as(name + " has a headless Service exactly when it is a backend")
                    .matches(names -> names.contains(name + "-headless") == backend);
            if (backend) {
                Service headless = platform.service(name + "-headless");
                assertThat(headless.getSpec().getClusterIP())
                        .as(name + " headless")
                        .isEqualTo("None");
                assertThat(headless.getSpec().getPublishNotReadyAddresses())
                        .as(name + " headless")
                        .isFalse();
                assertThat(headless.getSpec().getSelector())
                        .as(name + " headless selector")
                        .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
            }
        }
    }

    @Test
    void theKafkaTopicsAndNodePoolsBelongToTheKafkaCluster() {
        assertThat(platform.kafkas()).hasSize(1);
        String cluster = platform.kafkas().getFirst().getMetadata().getName();
        assertThat(platform.nodePools())
                .isNotEmpty()
                .allSatisfy(pool ->
                        assertThat(pool.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", cluster));
        assertThat(platform.topics())
                .isNotEmpty()
                .allSatisfy(topic ->
                        assertThat(topic.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", cluster));
        // Strimzi's bootstrap Service is <cluster>-kafka-bootstrap.
        assertThat(platform.configMapData("roundup-platform").get("SPRING_KAFKA_BOOTSTRAP_SERVERS"))
                .startsWith(cluster + "-kafka-bootstrap:");
        assertThat(platform.scaledObjects())
                .allSatisfy(s -> assertThat(s.spec().triggers())
                        .filteredOn(t -> t.type().equals("kafka"))
                        .allSatisfy(t -> assertThat(t.metadata().get("bootstrapServers"))
                                .startsWith(cluster + "-kafka-bootstrap.")));
    }

    /**
     * Secrets that exist once the base is applied: those the base declares, those created by hand (the templates in
     * secrets/), and those the operators write, by the names their resources give them.
     */
    private Map<String, Set<String>> knownSecrets() {
        Map<String, Set<String>> secrets = new HashMap<>();
        platform.secrets().forEach(s -> secrets.put(s.getMetadata().getName(), keys(s)));
        platform.handMadeSecrets().forEach(s -> secrets.put(s.getMetadata().getName(), keys(s)));
        for (MongoDbUser user : platform.mongodb().spec().users()) {
            if (user.connectionStringSecretName() != null) {
                secrets.put(
                        user.connectionStringSecretName(),
                        Set.of("connectionString.standard", "connectionString.standardSrv", "username", "password"));
            }
        }
        // ECK keeps the CA of the HTTP certificate it made in <name>-es-http-certs-public.
        secrets.put(
                platform.elasticsearch().metadata().getName() + "-es-http-certs-public", Set.of("ca.crt", "tls.crt"));
        return secrets;
    }

    private static boolean namesAContainerPort(Container container, IntOrString port) {
        for (ContainerPort declared : container.getPorts()) {
            if (port.getStrVal() != null
                    ? port.getStrVal().equals(declared.getName())
                    : port.getIntVal().equals(declared.getContainerPort())) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, String> podLabels(Deployment deployment) {
        return deployment.getSpec().getTemplate().getMetadata().getLabels();
    }

    private static Set<String> keys(ConfigMap configMap) {
        return configMap.getData() == null ? Set.of() : configMap.getData().keySet();
    }

    private static Set<String> keys(Secret secret) {
        Set<String> keys = new HashSet<>();
        if (secret.getData() != null) {
            keys.addAll(secret.getData().keySet());
        }
        if (secret.getStringData() != null) {
            keys.addAll(secret.getStringData().keySet());
        }
        return keys;
    }

    private static String name(io.fabric8.kubernetes.api.model.HasMetadata object) {
        return object.getKind() + "/" + object.getMetadata().getName();
    }
}
