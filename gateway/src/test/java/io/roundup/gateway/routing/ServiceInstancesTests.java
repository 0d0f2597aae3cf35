package io.roundup.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.client.ServiceInstance;

class ServiceInstancesTests {

    private final ServiceInstances instances = new ServiceInstances(
            "search-service", List.of(URI.create("http://127.0.0.1:8083"), URI.create("http://127.0.0.1:8183")));

    @Test
    void offersEveryListedCopyUntilOneFails() {
        assertThat(ids(instances.inRotation())).containsExactly("127.0.0.1:8083", "127.0.0.1:8183");
        assertThat(instances.get().blockFirst()).hasSize(2);
    }

    @Test
    void leavesOutACopyThatFailedItsCheckOrRefusedAConnectionUntilItPassesAgain() {
        ServiceInstance first = instances.known().get(0);
        ServiceInstance second = instances.known().get(1);

        instances.checked(first, false, "readiness answered 503");
        assertThat(ids(instances.inRotation())).containsExactly("127.0.0.1:8183");

        instances.checked(first, true, "");
        instances.refused(second);
        assertThat(ids(instances.inRotation())).containsExactly("127.0.0.1:8083");

        instances.checked(second, true, "");
        assertThat(instances.inRotation()).hasSize(2);
    }

    @Test
    void offersEveryCopyAgainWhenAllAreOut() {
        instances.refused(instances.known().get(0));
        instances.refused(instances.known().get(1));

        assertThat(instances.inRotation()).as("fail open").hasSize(2);
    }

    @Test
    void resolvesAHostNameToEachOfItsAddresses() {
        ServiceInstances named = new ServiceInstances("search-service", List.of(URI.create("http://localhost:8083")));

        named.resolve();

        assertThat(named.known()).isNotEmpty().allSatisfy(instance -> {
            assertThat(instance.getPort()).isEqualTo(8083);
            assertThat(instance.getHost()).isNotEqualTo("localhost");
        });
        assertThat(ids(named.known())).contains("127.0.0.1:8083");
    }

    @Test
    void aNameThatDoesNotResolveHasNoCopies() {
        ServiceInstances named =
                new ServiceInstances("search-service", List.of(URI.create("http://no-such-copy.invalid:8083")));

        named.resolve();

        assertThat(named.inRotation()).isEmpty();
    }

    private static List<String> ids(List<ServiceInstance> list) {
        return list.stream().map(ServiceInstance::getInstanceId).toList();
    }
}
