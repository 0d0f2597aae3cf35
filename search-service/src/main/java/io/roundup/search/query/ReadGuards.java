package io.roundup.search.query;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The circuit breakers of readers' calls, with their state and calls on {@code /actuator/prometheus}
 * ({@code resilience4j_circuitbreaker_state}, {@code resilience4j_circuitbreaker_calls_seconds}, ...).
 */
@Configuration(proxyBeanMethods = false)
class ReadGuards {

    @Bean
    CircuitBreakerRegistry circuitBreakers(MeterRegistry meters) {
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.ofDefaults();
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(meters);
        return registry;
    }
}
