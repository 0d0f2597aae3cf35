package io.roundup.gateway.routing;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import reactor.core.publisher.Flux;

/**
 * The copies of one service the load balancer may choose from: the ones known (listed, or resolved from a name) less
 * the ones that failed their last readiness check or refused a connection since. When every known copy is out, all of
 * them are offered again (fail open): a check that failed only because the machine was busy then costs nothing, and a
 * copy that is really down answers the request with the same "not reachable" it would have got anyway.
 */
final class ServiceInstances implements ServiceInstanceListSupplier {

    private static final Logger log = LoggerFactory.getLogger(ServiceInstances.class);

    private final String serviceId;

    private final List<URI> addresses;

    private volatile List<ServiceInstance> known;

    /** Instance ids out of rotation, with the reason, until their next passing check. */
    private final Map<String, String> out = new ConcurrentHashMap<>();

    ServiceInstances(String serviceId, List<URI> addresses) {
        this.serviceId = serviceId;
        this.addresses = List.copyOf(addresses);
        this.known = addresses.stream().map(this::instance).toList();
    }

    @Override
    public String getServiceId() {
        return serviceId;
    }

    @Override
    public Flux<List<ServiceInstance>> get() {
        return Flux.defer(() -> Flux.just(inRotation()));
    }

    /** The copies requests go to now. */
    List<ServiceInstance> inRotation() {
        List<ServiceInstance> all = known;
        List<ServiceInstance> alive =
                all.stream().filter(i -> !out.containsKey(i.getInstanceId())).toList();
        return alive.isEmpty() ? all : alive;
    }

    List<ServiceInstance> known() {
        return known;
    }

    /**
     * Resolves every listed host name to all its addresses, one copy each; a name that does not resolve (no copy runs
     * yet) contributes none. Blocks while resolving.
     */
    void resolve() {
        Map<String, ServiceInstance> resolved = new LinkedHashMap<>();
        for (URI address : addresses) {
            try {
                for (InetAddress ip : InetAddress.getAllByName(address.getHost())) {
                    ServiceInstance instance = instance(address, ip.getHostAddress());
                    resolved.putIfAbsent(instance.getInstanceId(), instance);
                }
            } catch (UnknownHostException ex) {
                log.debug("{}: {} does not resolve: {}", serviceId, address.getHost(), ex.toString());
            }
        }
        List<ServiceInstance> next = new ArrayList<>(resolved.values());
        if (!ids(next).equals(ids(known))) {
            log.info("{}: copies at {}", serviceId, ids(next));
            out.keySet().retainAll(ids(next));
        }
        known = List.copyOf(next);
    }

    /** The outcome of a readiness check: a copy that passed is in rotation, one that failed is out. */
    void checked(ServiceInstance instance, boolean ready, String reason) {
        if (ready) {
            if (out.remove(instance.getInstanceId()) != null) {
                log.info("{} at {} is back in rotation", serviceId, instance.getInstanceId());
            }
        } else {
            takeOut(instance, reason);
        }
    }

    /** A connection to the copy was refused: it leaves the rotation at once, not only at its next check. */
    void refused(ServiceInstance instance) {
        takeOut(instance, "connection refused");
    }

    private void takeOut(ServiceInstance instance, String reason) {
        if (ids(known).contains(instance.getInstanceId()) && out.put(instance.getInstanceId(), reason) == null) {
            log.warn("{} at {} left the rotation: {}", serviceId, instance.getInstanceId(), reason);
        }
    }

    private ServiceInstance instance(URI address) {
        return instance(address, address.getHost());
    }

    private ServiceInstance instance(URI address, String host) {
        boolean secure = "https".equalsIgnoreCase(address.getScheme());
        int port = address.getPort() >= 0 ? address.getPort() : secure ? 443 : 80;
        String uriHost = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host; // IPv6
        return new DefaultServiceInstance(uriHost + ":" + port, serviceId, uriHost, port, secure);
    }

    private static Set<String> ids(List<ServiceInstance> instances) {
        return instances.stream()
                .map(ServiceInstance::getInstanceId)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
