package io.roundup.product.web;

import io.roundup.support.web.ProblemAdvice;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Refuses JSON fields the request type does not define, each reported under its own name: a typo is an error the
 * client learns about, and a server-owned field (id, revision, timestamps) is never silently dropped or applied.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = KnownFieldsOnly.Validator.class)
@interface KnownFieldsOnly {

    String message() default "is not a known field";

    /** Fields the server owns: reported as such rather than as unknown. */
    String[] serverOwned() default {};

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** A request type that collects the fields it does not define (with {@code @JsonAnySetter}). */
    interface Lenient {

        Map<String, Object> unexpected();
    }

    class Validator implements ConstraintValidator<KnownFieldsOnly, Lenient> {

        private Set<String> serverOwned = Set.of();

        @Override
        public void initialize(KnownFieldsOnly annotation) {
            serverOwned = Set.of(annotation.serverOwned());
        }

        @Override
        public boolean isValid(Lenient request, ConstraintValidatorContext context) {
            if (request == null
                    || request.unexpected() == null
                    || request.unexpected().isEmpty()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            for (String field : new TreeSet<>(request.unexpected().keySet())) {
                String message = serverOwned.contains(field) ? ProblemAdvice.SERVER_OWNED : "is not a known field";
                context.buildConstraintViolationWithTemplate(message)
                        .addPropertyNode(field)
                        .addConstraintViolation();
            }
            return false;
        }
    }
}
