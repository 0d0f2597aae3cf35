package io.roundup.gateway.routing;

import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The load balancer's configuration for one service, in the context Spring Cloud LoadBalancer makes per service: its
 * instance list is that service's {@link ServiceInstances}. Deliberately not a {@code @Configuration}: it must not
 * be picked up by the application's scan, where it would apply to no service in particular.
 */
class InstanceListConfiguration {

    @Bean
    ServiceInstanceListSupplier roundupInstances(Environment environment, RoutedServices services) {
        return services.of(environment.getRequiredProperty(LoadBalancerClientFactory.PROPERTY_NAME));
    }
}
