package io.roundup.devservices.spring;

import io.roundup.devservices.DevServices;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Adds the servers' addresses to the context's environment. A record, so that equal customizers let Spring's context
 * cache reuse a context; the servers themselves are started only when a context is actually built.
 */
record DevServicesContextCustomizer(Set<Service> services, String mongoDatabase) implements ContextCustomizer {

    static final String PROPERTY_SOURCE_NAME = "roundupDevServices";

    /** Spring's name for @TestPropertySource(properties) / @SpringBootTest(properties): those stay on top. */
    private static final String INLINED_TEST_PROPERTIES = "Inlined Test Properties";

    DevServicesContextCustomizer {
        services = Set.copyOf(services);
    }

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
        MapPropertySource source = new MapPropertySource(PROPERTY_SOURCE_NAME, properties());
        MutablePropertySources sources = context.getEnvironment().getPropertySources();
        if (sources.contains(INLINED_TEST_PROPERTIES)) {
            sources.addAfter(INLINED_TEST_PROPERTIES, source);
        } else {
            sources.addFirst(source);
        }
    }

    Map<String, Object> properties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        if (services.contains(Service.KAFKA)) {
            String bootstrapServers = DevServices.kafka().bootstrapServers();
            properties.put("spring.kafka.bootstrap-servers", bootstrapServers);
            properties.put("spring.cloud.stream.kafka.binder.brokers", bootstrapServers);
        }
        if (services.contains(Service.ELASTICSEARCH)) {
            properties.put(
                    "spring.elasticsearch.uris", DevServices.elasticsearch().httpUri());
        }
        if (services.contains(Service.MONGODB)) {
            properties.put("spring.mongodb.uri", DevServices.mongo().connectionString(mongoDatabase));
        }
        return properties;
    }
}
