package io.roundup.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every service's Deployment promises an operator: probes on Boot's liveness and readiness groups, bounded
 * resources, a shutdown that drains before it stops, and a pod that runs unprivileged on a read-only file system.
 */
class DeploymentPolicyTests {

    private static final List<String> SERVICES =
            List.of("gateway", "article-service", "product-service", "search-service");

    private final Platform platform = Platform.load();

    @Test
    void eachServiceHasOneDeploymentOfAtLeastTwoCopiesRolledWithoutLosingCapacity() {
        assertThat(platform.deployments().stream().map(d -> d.getMetadata().getName()))
                .containsExactlyInAnyOrderElementsOf(SERVICES);
        assertThat(platform.deployments()).allSatisfy(d -> {
            assertThat(d.getSpec().getReplicas()).isGreaterThanOrEqualTo(2);
            assertThat(d.getSpec()
                            .getStrategy()
                            .getRollingUpdate()
                            .getMaxUnavailable()
                            .getIntVal())
                    .isZero();
        });
        assertThat(platform.autoscalers()).allSatisfy(h -> {
            assertThat(h.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
            assertThat(h.getSpec().getMetrics())
                    .anySatisfy(m -> assertThat(m.getResource().getName()).isEqualTo("cpu"));
        });
    }

    @Test
    void probesUseTheActuatorHealthGroupsAndLivenessWaitsForStartUp() {
        assertThat(platform.deployments()).allSatisfy(deployment -> {
            Container container = Platform.container(deployment);
            assertThat(container.getStartupProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
            assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
            assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
            var startup = container.getStartupProbe();
            assertThat(startup.getPeriodSeconds() * startup.getFailureThreshold())
                    .as("seconds a slow JVM start may take")
                    .isGreaterThanOrEqualTo(120);
        });
    }

    @Test
    void resourcesAreRequestedAndLimitedWithMemoryRequestEqualToLimit() {
        assertThat(platform.deployments()).allSatisfy(deployment -> {
            var resources = Platform.container(deployment).getResources();
            assertThat(resources.getRequests()).containsKeys("cpu", "memory");
            assertThat(resources.getLimits()).containsKeys("cpu", "memory");
            // The JVM sizes its heap from the limit; a request below it invites an OOM kill under pressure.
            assertThat(Quantity.getAmountInBytes(resources.getRequests().get("memory")))
                    .isEqualTo(Quantity.getAmountInBytes(resources.getLimits().get("memory")));
        });
    }

    @Test
    void aStoppingCopyDrainsBeforeSigtermAndFinishesWithinTheGracePeriod() {
        Duration shutdown = Duration.parse("PT"
                + platform.configMapData("roundup-platform")
                        .get("SPRING_LIFECYCLE_TIMEOUT_PER_SHUTDOWN_PHASE")
                        .toUpperCase());
        assertThat(platform.deployments()).allSatisfy(deployment -> {
            Container container = Platform.container(deployment);
            List<String> preStop =
                    container.getLifecycle().getPreStop().getExec().getCommand();
            assertThat(preStop).hasSize(2).first().isEqualTo("sleep");
            long sleep = Long.parseLong(preStop.get(1));
            assertThat(sleep).isBetween(5L, 30L);
            long grace = deployment.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds();
            assertThat(grace)
                    .as("grace > preStop sleep + graceful shutdown")
                    .isGreaterThan(sleep + shutdown.toSeconds());
        });
    }

    @Test
    void podsRunAsTheImagesUnprivilegedUserOnAReadOnlyRootWithAWritableTmp() {
        assertThat(platform.deployments()).allSatisfy(deployment -> {
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
            assertThat(container.getVolumeMounts()).anySatisfy(mount -> {
                assertThat(mount.getMountPath()).isEqualTo("/tmp");
                assertThat(pod.getVolumes())
                        .anySatisfy(v -> assertThat(v.getName().equals(mount.getName()) && v.getEmptyDir() != null)
                                .isTrue());
            });
        });
    }

    @Test
    void everyServiceReadsTheSharedAndItsOwnSettingsAndListensOnTheProbedPort() {
        assertThat(platform.deployments()).allSatisfy(deployment -> {
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
}
