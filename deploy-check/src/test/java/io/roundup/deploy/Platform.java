package io.roundup.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.roundup.deploy.Manifests.Document;
import io.roundup.deploy.OperatorModels.Elasticsearch;
import io.roundup.deploy.OperatorModels.MongoDbCommunity;
import io.roundup.deploy.OperatorModels.ScaledObject;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The typed objects of the deployment: what {@code base} applies, what the KEDA overlay adds, and the Secrets that are
 * created by hand from {@code secrets/} (templates without values, in no kustomization).
 */
record Platform(List<Object> base, List<Object> overlay, List<Secret> handMadeSecrets) {

    static Platform load() {
        return new Platform(
                typed(Manifests.under("base")),
                typed(Manifests.under("overlays")),
                typed(Manifests.under("secrets")).stream()
                        .map(Secret.class::cast)
                        .toList());
    }

    private static List<Object> typed(List<Document> documents) {
        return documents.stream().map(d -> StrictModels.read(d.tree())).toList();
    }

    <T> List<T> base(Class<T> type) {
        return base.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T> List<T> overlay(Class<T> type) {
        return overlay.stream().filter(type::isInstance).map(type::cast).toList();
    }

    List<Deployment> deployments() {
        return base(Deployment.class);
    }

    List<Service> services() {
        return base(Service.class);
    }

    List<HorizontalPodAutoscaler> autoscalers() {
        return base(HorizontalPodAutoscaler.class);
    }

    List<PodDisruptionBudget> disruptionBudgets() {
        return base(PodDisruptionBudget.class);
    }

    List<ConfigMap> configMaps() {
        return base(ConfigMap.class);
    }

    List<Secret> secrets() {
        return base(Secret.class);
    }

    List<KafkaTopic> topics() {
        return base(KafkaTopic.class);
    }

    List<Kafka> kafkas() {
        return base(Kafka.class);
    }

    List<KafkaNodePool> nodePools() {
        return base(KafkaNodePool.class);
    }

    Elasticsearch elasticsearch() {
        return only(base(Elasticsearch.class));
    }

    MongoDbCommunity mongodb() {
        return only(base(MongoDbCommunity.class));
    }

    List<ScaledObject> scaledObjects() {
        return overlay(ScaledObject.class);
    }

    Deployment deployment(String name) {
        return deployments().stream()
                .filter(d -> d.getMetadata().getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("no Deployment " + name));
    }

    Service service(String name) {
        return services().stream()
                .filter(s -> s.getMetadata().getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Service " + name));
    }

    Optional<ConfigMap> configMap(String name) {
        return configMaps().stream()
                .filter(c -> c.getMetadata().getName().equals(name))
                .findFirst();
    }

    Map<String, String> configMapData(String name) {
        return configMap(name)
                .orElseThrow(() -> new NoSuchElementException("no ConfigMap " + name))
                .getData();
    }

    static Container container(Deployment deployment) {
        return only(deployment.getSpec().getTemplate().getSpec().getContainers());
    }

    private static <T> T only(List<T> items) {
        if (items.size() != 1) {
            throw new IllegalStateException("expected exactly one, found " + items);
        }
        return items.getFirst();
    }
}
