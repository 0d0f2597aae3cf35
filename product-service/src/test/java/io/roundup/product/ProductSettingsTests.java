package io.roundup.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

class ProductSettingsTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    ConfigurationPropertiesAutoConfiguration.class, ValidationAutoConfiguration.class))
            .withUserConfiguration(Enabled.class);

    @Test
    void theRelaySweepHasADefaultAndIsSetLikeEveryServicesRelay() {
        context.run(started -> assertThat(
                        started.getBean(ProductSettings.class).relay().sweepInterval())
                .isEqualTo(Duration.ofMillis(500)));
        context.withPropertyValues("roundup.products.relay.sweep-interval=250ms")
                .run(started -> assertThat(
                                started.getBean(ProductSettings.class).relay().sweepInterval())
                        .isEqualTo(Duration.ofMillis(250)));
    }

    @Test
    void aSweepThatWouldSpinRefusesToStart() {
        context.withPropertyValues("roundup.products.relay.sweep-interval=0ms")
                .run(started -> assertThat(started).getFailure().hasStackTraceContaining("at least one millisecond"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ProductSettings.class)
    static class Enabled {}
}
