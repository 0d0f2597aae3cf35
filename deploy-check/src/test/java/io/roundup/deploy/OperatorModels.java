package io.roundup.deploy;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.StatefulSetSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBehavior;
import java.util.List;
import java.util.Map;

/**
 * Typed models of the custom resources whose operators publish no Java model on Maven Central: ECK's Elasticsearch,
 * the MongoDB Community operator's MongoDBCommunity and KEDA's ScaledObject.
 *
 * <p>Each record holds the part of the resource's CRD schema that the manifests use, with the same names and the
 * CRD's required fields marked required; the Kubernetes types inside (pod templates, volume claims, stateful set
 * specs, HPA behaviour) are fabric8's full models. Strict reading ({@link StrictModels}) then refuses a misspelt or
 * misplaced field. A field the CRD has but these records lack fails too: check it in the operator's CRD reference,
 * then add it here.
 */
final class OperatorModels {

    private OperatorModels() {}

    // ECK, elasticsearch.k8s.elastic.co/v1

    record Elasticsearch(
            @JsonProperty(required = true) String apiVersion,
            @JsonProperty(required = true) String kind,
            @JsonProperty(required = true) ObjectMeta metadata,
            @JsonProperty(required = true) ElasticsearchSpec spec) {}

    record ElasticsearchSpec(
            @JsonProperty(required = true) String version,
            String image,
            ElasticsearchAuth auth,
            @JsonProperty(required = true) List<NodeSet> nodeSets) {}

    record ElasticsearchAuth(List<SecretSource> roles, List<SecretSource> fileRealm) {}

    record SecretSource(@JsonProperty(required = true) String secretName) {}

    record NodeSet(
            @JsonProperty(required = true) String name,
            Integer count,
            Map<String, Object> config,
            PodTemplateSpec podTemplate,
            List<PersistentVolumeClaim> volumeClaimTemplates) {}

    // MongoDB Community operator, mongodbcommunity.mongodb.com/v1

    record MongoDbCommunity(
            @JsonProperty(required = true) String apiVersion,
            @JsonProperty(required = true) String kind,
            @JsonProperty(required = true) ObjectMeta metadata,
            @JsonProperty(required = true) MongoDbSpec spec) {}

    record MongoDbSpec(
            @JsonProperty(required = true) String type,
            Integer members,
            String version,
            @JsonProperty(required = true) MongoDbSecurity security,
            @JsonProperty(required = true) List<MongoDbUser> users,
            Map<String, Object> additionalMongodConfig,
            MongoDbStatefulSet statefulSet) {}

    record MongoDbSecurity(MongoDbAuthentication authentication) {}

    record MongoDbAuthentication(List<String> modes) {}

    record MongoDbUser(
            @JsonProperty(required = true) String name,
            String db,
            PasswordSecretRef passwordSecretRef,
            @JsonProperty(required = true) List<MongoDbRole> roles,
            String scramCredentialsSecretName,
            String connectionStringSecretName) {}

    record PasswordSecretRef(@JsonProperty(required = true) String name, String key) {

        /** The key holding the password; the operator's default is {@code password}. */
        String keyOrDefault() {
            return key != null ? key : "password";
        }
    }

    record MongoDbRole(
            @JsonProperty(required = true) String name,
            @JsonProperty(required = true) String db) {}

    record MongoDbStatefulSet(@JsonProperty(required = true) StatefulSetSpec spec) {}

    // KEDA, keda.sh/v1alpha1

    record ScaledObject(
            @JsonProperty(required = true) String apiVersion,
            @JsonProperty(required = true) String kind,
            @JsonProperty(required = true) ObjectMeta metadata,
            @JsonProperty(required = true) ScaledObjectSpec spec) {}

    record ScaledObjectSpec(
            @JsonProperty(required = true) ScaleTargetRef scaleTargetRef,
            Integer minReplicaCount,
            Integer maxReplicaCount,
            Integer pollingInterval,
            Integer cooldownPeriod,
            ScaledObjectAdvanced advanced,
            @JsonProperty(required = true) List<ScaleTrigger> triggers) {}

    record ScaleTargetRef(
            String apiVersion,
            String kind,
            @JsonProperty(required = true) String name) {}

    record ScaledObjectAdvanced(HorizontalPodAutoscalerConfig horizontalPodAutoscalerConfig) {}

    record HorizontalPodAutoscalerConfig(String name, HorizontalPodAutoscalerBehavior behavior) {}

    record ScaleTrigger(
            @JsonProperty(required = true) String type,
            String metricType,
            @JsonProperty(required = true) Map<String, String> metadata) {}
}
