package io.roundup.support.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Query parameters that cannot be used. A controller collects every bad parameter, then {@link #throwIfAny()}; the
 * answer is a 400 problem naming each of them under {@code errors}.
 */
public final class InvalidQuery extends RuntimeException {

    private final Map<String, List<String>> errors = new TreeMap<>();

    public InvalidQuery() {
        super("Invalid query parameters");
    }

    public void add(String parameter, String message) {
        errors.computeIfAbsent(parameter, p -> new ArrayList<>()).add(message);
    }

    public Map<String, List<String>> errors() {
        return errors;
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw this;
        }
    }
}
