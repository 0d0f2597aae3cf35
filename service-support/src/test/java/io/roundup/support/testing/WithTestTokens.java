package io.roundup.support.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * For a Spring test of a service whose callers come from {@link TestTokens}: the service is pointed at a key set that
 * cannot be reached, so the test never depends on a gateway that happens to run on this machine.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@TestPropertySource(properties = TestTokens.JWK_SET_URI + "=" + TestTokens.NO_KEY_SET)
public @interface WithTestTokens {}
