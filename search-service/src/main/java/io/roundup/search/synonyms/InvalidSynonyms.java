package io.roundup.search.synonyms;

import java.util.List;
import java.util.Map;

/** Rules that cannot be used, each named by its place ({@code rules[3]}) with the reason. */
class InvalidSynonyms extends RuntimeException {

    private final Map<String, List<String>> errors;

    InvalidSynonyms(Map<String, List<String>> errors) {
        super("Invalid synonym rules: " + errors);
        this.errors = Map.copyOf(errors);
    }

    Map<String, List<String>> errors() {
        return errors;
    }
}
