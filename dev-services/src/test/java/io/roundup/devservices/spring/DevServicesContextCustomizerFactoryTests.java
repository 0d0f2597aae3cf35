package io.roundup.devservices.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;

class DevServicesContextCustomizerFactoryTests {

    private final DevServicesContextCustomizerFactory factory = new DevServicesContextCustomizerFactory();

    @Test
    void isRegisteredWithSpringTest() {
        assertThat(SpringFactoriesLoader.loadFactories(
                        ContextCustomizerFactory.class, getClass().getClassLoader()))
                .hasAtLeastOneElementOfType(DevServicesContextCustomizerFactory.class);
    }

    @Test
    void equalAnnotationsOnTheSameClassGiveEqualCustomizersSoContextsAreCached() {
        ContextCustomizer first = factory.createContextCustomizer(KafkaAndMongo.class, List.of());
        ContextCustomizer second = factory.createContextCustomizer(KafkaAndMongo.class, List.of());

        assertThat(first).isEqualTo(second).hasSameHashCodeAs(second);
    }

    @Test
    void eachTestClassGetsItsOwnMongoDatabase() {
        assertThat(factory.createContextCustomizer(KafkaAndMongo.class, List.of()))
                .isNotEqualTo(factory.createContextCustomizer(InheritsKafkaAndMongo.class, List.of()));
        assertThat(DevServicesContextCustomizerFactory.databaseFor(InheritsKafkaAndMongo.class))
                .isEqualTo("test_InheritsKafkaAndMongo");
    }

    @Test
    void withoutMongoTheDatabaseDoesNotSplitTheCache() {
        assertThat(factory.createContextCustomizer(KafkaOnly.class, List.of()))
                .isEqualTo(factory.createContextCustomizer(OtherKafkaOnly.class, List.of()));
    }

    @Test
    void ignoresClassesWithoutTheAnnotation() {
        assertThat(factory.createContextCustomizer(String.class, List.of())).isNull();
    }

    @WithDevServices({Service.MONGODB, Service.KAFKA})
    static class KafkaAndMongo {}

    static class InheritsKafkaAndMongo extends KafkaAndMongo {}

    @WithDevServices(Service.KAFKA)
    static class KafkaOnly {}

    @WithDevServices(Service.KAFKA)
    static class OtherKafkaOnly {}
}
