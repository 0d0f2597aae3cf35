package io.roundup.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.roundup.deploy.OperatorModels.Elasticsearch;
import io.roundup.deploy.OperatorModels.MongoDbCommunity;
import io.roundup.deploy.OperatorModels.ScaledObject;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.util.Map;

/**
 * Reads a manifest into the typed model of its kind and refuses any field the model does not know.
 *
 * <p>The fabric8 and Strimzi models keep unknown fields in an "additional properties" map (a {@code @JsonAnySetter})
 * instead of failing, which is right for a client talking to a newer server but hides a misspelt field in a manifest
 * (the API server would silently drop it). This reader turns those any-setters off, so with
 * {@link DeserializationFeature#FAIL_ON_UNKNOWN_PROPERTIES} an unknown field anywhere in the tree fails, naming its path.
 */
final class StrictModels {

    /** Every kind the deployment may use, by {@code apiVersion} and {@code kind}; anything else is refused. */
    static final Map<String, Class<?>> KINDS = Map.ofEntries(
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("kafka.strimzi.io/v1/Kafka", Kafka.class),
            Map.entry("kafka.strimzi.io/v1/KafkaNodePool", KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1/KafkaTopic", KafkaTopic.class),
            Map.entry("elasticsearch.k8s.elastic.co/v1/Elasticsearch", Elasticsearch.class),
            Map.entry("mongodbcommunity.mongodb.com/v1/MongoDBCommunity", MongoDbCommunity.class),
            Map.entry("keda.sh/v1alpha1/ScaledObject", ScaledObject.class));

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .annotationIntrospector(new NoAnySetters())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
            .build();

    private StrictModels() {}

    static String kindOf(JsonNode tree) {
        return tree.path("apiVersion").asText("?") + "/" + tree.path("kind").asText("?");
    }

    /** The typed object, or an exception naming the unknown kind or the first field that does not fit. */
    static Object read(JsonNode tree) {
        String kind = kindOf(tree);
        Class<?> type = KINDS.get(kind);
        if (type == null) {
            throw new IllegalArgumentException("unknown apiVersion/kind " + kind + "; known: " + KINDS.keySet());
        }
        return read(tree, type);
    }

    static <T> T read(JsonNode tree, Class<T> type) {
        try {
            return STRICT.treeToValue(tree, type);
        } catch (Exception ex) {
            throw new IllegalArgumentException(kindOf(tree) + ": " + ex.getMessage(), ex);
        }
    }

    /** Jackson's usual annotations, minus {@code @JsonAnySetter}: unknown fields become errors. */
    private static final class NoAnySetters extends JacksonAnnotationIntrospector {

        @Override
        public Boolean hasAnySetter(Annotated annotated) {
            return Boolean.FALSE;
        }
    }
}
