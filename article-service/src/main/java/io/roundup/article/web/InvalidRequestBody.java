package io.roundup.article.web;

import java.util.List;
import java.util.Map;

/** A request body with fields an article does not have; {@code errors} lists them with the content's other faults. */
class InvalidRequestBody extends RuntimeException {

    private final Map<String, List<String>> errors;

    InvalidRequestBody(Map<String, List<String>> errors) {
        super("The request body has invalid fields: " + errors.keySet());
        this.errors = Map.copyOf(errors);
    }

    Map<String, List<String>> errors() {
        return errors;
    }
}
