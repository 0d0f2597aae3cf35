package io.roundup.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

class ArticleSettingsTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    ConfigurationPropertiesAutoConfiguration.class, ValidationAutoConfiguration.class))
            .withUserConfiguration(Enabled.class);

    @Test
    void everyTimingHasADefault() {
        context.run(started -> {
            ArticleSettings settings = started.getBean(ArticleSettings.class);
            assertThat(settings.relay().sweepInterval()).isEqualTo(Duration.ofMillis(500));
            assertThat(settings.scheduleSweep()).isEqualTo(Duration.ofSeconds(1));
            assertThat(settings.productPatience()).isEqualTo(Duration.ofSeconds(3));
        });
    }

    @Test
    void theRelaySweepIsSetLikeEveryServicesRelay() {
        context.withPropertyValues("roundup.articles.relay.sweep-interval=250ms")
                .run(started -> assertThat(
                                started.getBean(ArticleSettings.class).relay().sweepInterval())
                        .isEqualTo(Duration.ofMillis(250)));
    }

    @Test
    void aSweepThatWouldSpinRefusesToStart() {
        context.withPropertyValues("roundup.articles.relay.sweep-interval=0ms")
                .run(started -> assertThat(started).getFailure().hasStackTraceContaining("at least one millisecond"));
        context.withPropertyValues("roundup.articles.schedule-sweep=0ms")
                .run(started -> assertThat(started).getFailure().hasStackTraceContaining("at least one millisecond"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ArticleSettings.class)
    static class Enabled {}
}
