package io.roundup.devservices.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Points a Spring test context at the servers of {@link io.roundup.devservices.DevServices}, starting them if needed.
 * The properties it sets take precedence over application.yml but not over a test's own inlined properties.
 *
 * <pre>
 * &#64;SpringBootTest
 * &#64;WithDevServices({Service.KAFKA, Service.MONGODB})
 * class ArticlePublishingIT { ... }
 * </pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface WithDevServices {

    Service[] value();
}
