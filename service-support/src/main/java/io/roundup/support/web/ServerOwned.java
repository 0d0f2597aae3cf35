package io.roundup.support.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the fields of a resource that the server sets and a request body of this type may never carry ({@code id},
 * {@code revision}, timestamps…). When such a field arrives as an unknown property, the 400 says it is set by the
 * server rather than that it is unknown.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ServerOwned {

    String[] value();
}
