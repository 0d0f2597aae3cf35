package io.roundup.support.openapi;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Gives each service's generated document (springdoc, {@code /v3/api-docs}) the platform's conventions, so that the
 * services only describe what is their own: statuses particular to an operation, examples, summaries.
 */
@AutoConfiguration
@ConditionalOnClass(OpenApiCustomizer.class)
public class ApiDocsAutoConfiguration {

    @Bean
    ApiConventions apiConventions() {
        return new ApiConventions();
    }

    @Bean
    AnySetterProperties anySetterProperties() {
        return new AnySetterProperties();
    }
}
