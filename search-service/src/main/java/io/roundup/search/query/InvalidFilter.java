package io.roundup.search.query;

import java.util.List;
import java.util.Map;

/** A filter value the search cannot mean anything by (for example an unknown price band); the errors name it. */
class InvalidFilter extends RuntimeException {

    private final Map<String, List<String>> errors;

    InvalidFilter(String parameter, String message) {
        super(parameter + " " + message);
        this.errors = Map.of(parameter, List.of(message));
    }

    Map<String, List<String>> errors() {
        return errors;
    }
}
