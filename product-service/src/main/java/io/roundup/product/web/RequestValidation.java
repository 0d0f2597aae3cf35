package io.roundup.product.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * Validates request bodies and names each problem by its JSON path ({@code offers[0].price.amount},
 * {@code attributes[director]}), so a client sees every invalid field at once.
 */
@Component
class RequestValidation {

    private final Validator validator;

    RequestValidation(Validator validator) {
        this.validator = validator;
    }

    /** Throws {@link InvalidRequest} listing every problem, or returns when there is none. */
    void check(Object request) {
        Map<String, List<String>> errors = new TreeMap<>();
        for (ConstraintViolation<Object> violation : validator.validate(request)) {
            errors.computeIfAbsent(field(violation.getPropertyPath()), f -> new ArrayList<>())
                    .add(violation.getMessage());
        }
        if (!errors.isEmpty()) {
            errors.values().forEach(messages -> messages.sort(null));
            throw new InvalidRequest(errors);
        }
    }

    static String field(Path path) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            if (node.isInIterable()) {
                field.append('[')
                        .append(node.getIndex() != null ? node.getIndex() : node.getKey())
                        .append(']');
            }
            String name = node.getName();
            if (name != null && node.getKind() == ElementKind.PROPERTY) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(name);
            }
        }
        return field.isEmpty() ? "request" : field.toString();
    }

    /** A request whose fields break the rules; {@code errors} maps each field to what is wrong with it. */
    static final class InvalidRequest extends RuntimeException {

        private final Map<String, List<String>> errors;

        InvalidRequest(Map<String, List<String>> errors) {
            super("Invalid fields: " + errors.keySet());
            this.errors = errors;
        }

        Map<String, List<String>> errors() {
            return errors;
        }
    }
}
