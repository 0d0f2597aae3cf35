package io.roundup.article.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Query parameters that cannot be used; every bad parameter is listed. */
final class InvalidQuery extends RuntimeException {

    private final Map<String, List<String>> errors = new TreeMap<>();

    InvalidQuery() {
        super("Invalid query parameters");
    }

    void add(String parameter, String message) {
        errors.computeIfAbsent(parameter, p -> new ArrayList<>()).add(message);
    }

    Map<String, List<String>> errors() {
        return errors;
    }

    void throwIfAny() {
        if (!errors.isEmpty()) {
            throw this;
        }
    }
}
