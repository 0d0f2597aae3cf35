package io.roundup.support.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Request ids on every request (before security, so even a 401 names its request), the shared rules for query
 * parameters and path variables, and problem details everywhere.
 */
@AutoConfiguration
@Import(ProblemAdvice.class)
public class WebSupportAutoConfiguration {

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Refuses unusable query parameters and path variables with a 400 before any handler sees them. */
    @Bean
    WebMvcConfigurer parameterRules() {
        ParameterRules rules = new ParameterRules();
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(rules);
            }
        };
    }

    @Bean
    Problems problems(JsonMapper json) {
        return new Problems(json);
    }
}
