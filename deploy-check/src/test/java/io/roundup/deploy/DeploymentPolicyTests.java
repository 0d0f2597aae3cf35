package io.roundup.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * What every service's Deployment promises an operator: probes on Boot's liveness and readiness groups, bounded
 * resources, a shutdown that drains before it stops, and a pod that runs unprivileged on a read-only file system. Each
 * rule runs once per Deployment, named after it.
 */
class DeploymentPolicyTests {

    private final Platform platform = Platform.load();

    @Test
    void eachServiceHasOneDeploymentAndAnAutoscalerKeepingTwoCopiesAtLeast() {
        // The services are those docker-compose.yml builds from the root Dockerfile: the same images run here.
        assertThat(platform.deployments().stream().map(d -> d.getMetadata().getName()))
                .containsExactlyInAnyOrderElementsOf(Manifests.servicesBuiltFromTheRootDockerfile());
        platform.autoscalers().forEach(h -> {
            assertThat(h.getSpec().getMinReplicas())
                    .as(h.getMetadata().getName())
                    .isGreaterThanOrEqualTo(2);
            assertThat(h.getSpec().getMetrics().stream()
                            .map(m -> m.getResource().getName()))
                    .as(h.getMetadata().getName())
                    .contains("cpu");
        });
    }

    @TestFactory
    Stream<DynamicTest> rollsOutWithoutLosingACopy() {
        return perDeployment(deployment -> {
            assertThat(deployment.getSpec().getReplicas()).isGreaterThanOrEqualTo(2);
            assertThat(deployment
                            .getSpec()
                            .getStrategy()
                            .getRollingUpdate()
                            .getMaxUnavailable()
                            .getIntVal())
                    .isZero();
        });
    }

    @TestFactory
    Stream<DynamicTest> probesUseTheActuatorHealthGroupsAndLivenessWaitsForStartUp() {
        return perDeployment(deployment -> {
            Container container = Platform.container(deployment);
            assertThat(path(container.getStartupProbe())).isEqualTo("/actuator/health/liveness");
            assertThat(path(container.getLivenessProbe())).isEqualTo("/actuator/health/liveness");
            assertThat(path(container.getReadinessProbe())).isEqualTo("/actuator/health/readiness");
            Probe startup = container.getStartupProbe();
            assertThat(startup.getPeriodSeconds() * startup.getFailureThreshold())
                    .as("seconds a slow JVM start may take")
                    .isGreaterThanOrEqualTo(120);
        });
    }

    @TestFactory
    Stream<DynamicTest> resourcesAreRequestedAndLimitedWithMemoryRequestEqualToLimit() {
        return perDeployment(deployment -> {
            var resources = Platform.container(deployment).getResources();
            assertThat(resources.getRequests()).containsKeys("cpu", "memory");
            assertThat(resources.getLimits()).containsKeys("cpu", "memory");
            // The JVM sizes its heap from the limit; a request below it invites an OOM kill under pressure.
            assertThat(Quantity.getAmountInBytes(resources.getRequests().get("memory")))
                    .isEqualTo(Quantity.getAmountInBytes(resources.getLimits().get("memory")));
        });
    }

    @TestFactory
    Stream<DynamicTest> aStoppingCopyDrainsBeforeSigtermAndFinishesWithinTheGracePeriod() {
        Duration shutdown = Duration.parse("PT"
                + platform.configMapData("roundup-platform")
                        .get("SPRING_LIFECYCLE_TIMEOUT_PER_SHUTDOWN_PHASE")
                        .toUpperCase());
        return perDeployment(deployment -> {
            List<String> preStop = Platform.container(deployment)
                    .getLifecycle()
                    .getPreStop()
                    .getExec()
                    .getCommand();
            assertThat(preStop).hasSize(2).first().isEqualTo("sleep");
            long sleep = Long.parseLong(preStop.get(1));
            assertThat(sleep).isBetween(5L, 30L);
            long grace = deployment.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds();
            assertThat(grace)
                    .as("grace period > preStop sleep + graceful shutdown")
                    .isGreaterThan(sleep + shutdown.toSeconds());
        });
    }

    @TestFactory
    Stream<DynamicTest> runsAsTheImagesUnprivilegedUserOnAReadOnlyRootWithAWritableTmp() {
        return perDeployment(deployment -> {
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            Container container = Platform.container(deployment);
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
            assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(10001L);
            assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
            assertThat(pod.getAutomountServiceAccountToken()).isFalse();
            var security = container.getSecurityContext();
            assertThat(security.getReadOnlyRootFilesystem()).isTrue();
            assertThat(security.getAllowPrivilegeEscalation()).isFalse();
            assertThat(security.getCapabilities().getDrop()).containsExactly("ALL");
            String tmp = container.getVolumeMounts().stream()
                    .filter(m -> m.getMountPath().equals("/tmp"))
                    .map(VolumeMount::getName)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("nothing is mounted on /tmp"));
            assertThat(pod.getVolumes())
                    .as("/tmp is an emptyDir")
                    .anyMatch(v -> v.getName().equals(tmp) && v.getEmptyDir() != null);
        });
    }

    @TestFactory
    Stream<DynamicTest> readsTheSharedAndItsOwnSettingsAndListensOnThePortItIsGiven() {
        return perDeployment(deployment -> {
            String name = deployment.getMetadata().getName();
            Container container = Platform.container(deployment);
            assertThat(container.getEnvFrom().stream()
                            .filter(e -> e.getConfigMapRef() != null)
                            .map(e -> e.getConfigMapRef().getName()))
                    .containsExactly("roundup-platform", name);
            int port = Integer.parseInt(platform.configMapData(name).get("PORT"));
            assertThat(container.getPorts()).singleElement().satisfies(p -> {
                assertThat(p.getName()).isEqualTo("http");
                assertThat(p.getContainerPort()).isEqualTo(port);
            });
            assertThat(container.getImage()).isEqualTo("roundup/" + name);
        });
    }

    private Stream<DynamicTest> perDeployment(Consumer<Deployment> rule) {
        return platform.deployments().stream()
                .map(d -> DynamicTest.dynamicTest(d.getMetadata().getName(), () -> rule.accept(d)));
    }

    private static String path(Probe probe) {
        return probe.getHttpGet().getPath();
    }
}
