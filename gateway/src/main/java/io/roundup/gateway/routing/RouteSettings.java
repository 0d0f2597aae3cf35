package io.roundup.gateway.routing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the copies of each routed service are and how they are watched. A route {@code lb://<service>} balances over
 * the instances listed here under that service's name (see docs/scaling.md, "Gateway routes").
 *
 * @param discovery {@code static}: each listed address is one copy (the local run, which hands over every copy's
 *     address); {@code dns}: each listed address's host name is resolved to all of its addresses, one copy each, again
 *     every {@code dnsRefresh} (a docker-compose service name, a Kubernetes headless Service)
 * @param dnsRefresh how often host names are resolved again in {@code dns} mode
 * @param health how each copy's readiness is checked
 * @param services the addresses of each service by its name in {@code lb://<name>}
 */
@Validated
@ConfigurationProperties("roundup.routes")
record RouteSettings(
        @NotNull @DefaultValue("static") Discovery discovery,
        @NotNull @DefaultValue("5s") Duration dnsRefresh,
        @NotNull @Valid @DefaultValue Health health,
        @NotNull @DefaultValue Map<String, @Valid Service> services) {

    enum Discovery {
        STATIC,
        DNS
    }

    /**
     * @param path the readiness path each copy is asked for; a copy answering anything but 2xx leaves the rotation
     * @param interval the pause between two rounds of checks
     * @param timeout how long one check may take before it counts as failed: longer than the interval, so that a copy
     *     that is merely busy on a loaded machine is not taken out
     */
    record Health(
            @NotBlank @DefaultValue("/actuator/health/readiness")
            String path,

            @NotNull @DefaultValue("1s") Duration interval,
            @NotNull @DefaultValue("3s") Duration timeout) {}

    /** @param instances the base address of each copy ({@code http://host:port}), or of a name to resolve */
    record Service(@NotNull @DefaultValue List<URI> instances) {}
}
