package io.roundup.support.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Query parameters or path variables that no handler can use; every bad one is listed by its name. */
final class InvalidParameters extends RuntimeException {

    private final Map<String, List<String>> errors = new TreeMap<>();

    InvalidParameters() {
        super("Invalid request parameters", null, false, false);
    }

    void add(String parameter, String message) {
        List<String> messages = errors.computeIfAbsent(parameter, p -> new ArrayList<>());
        if (!messages.contains(message)) {
            messages.add(message);
        }
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
