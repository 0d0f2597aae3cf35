package io.roundup.devservices.spring;

import java.lang.reflect.Modifier;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/** Registered in META-INF/spring.factories; reacts to {@link WithDevServices}. */
class DevServicesContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        WithDevServices annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass, WithDevServices.class);
        if (annotation == null || annotation.value().length == 0) {
            return null;
        }
        Set<Service> services = EnumSet.copyOf(List.of(annotation.value()));
        String database = services.contains(Service.MONGODB) ? databaseFor(testClass) : null;
        return new DevServicesContextCustomizer(services, database);
    }

    /** {@code test_<SimpleName>} of the top-level test class, so that @Nested classes share their outer context. */
    static String databaseFor(Class<?> testClass) {
        Class<?> owner = testClass;
        while (owner.getEnclosingClass() != null && !Modifier.isStatic(owner.getModifiers())) {
            owner = owner.getEnclosingClass();
        }
        String name = "test_" + owner.getSimpleName().replaceAll("[^A-Za-z0-9_-]", "_");
        return name.length() > 60 ? name.substring(0, 60) : name;
    }
}
