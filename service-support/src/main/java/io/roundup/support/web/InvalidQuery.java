package io.roundup.support.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Query parameters or path variables that cannot be used. Whoever checks them collects every bad one, then
 * {@link #throwIfAny()}; the answer is a 400 problem naming each of them under {@code errors}.
 */
public final class InvalidQuery extends RuntimeException {

    private final Map<String, List<String>> errors = new TreeMap<>();

    public InvalidQuery() {
        super("Invalid request parameters", null, false, false);
    }

    public void add(String parameter, String message) {
        List<String> messages = errors.computeIfAbsent(parameter, p -> new ArrayList<>());
        if (!messages.contains(message)) {
            messages.add(message);
        }
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
