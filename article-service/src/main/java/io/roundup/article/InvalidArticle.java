package io.roundup.article;

import java.util.List;
import java.util.Map;

/** The content breaks the rules; {@code errors} maps each offending path (e.g. {@code entries[1].heading}) to its messages. */
public class InvalidArticle extends RuntimeException {

    private final Map<String, List<String>> errors;

    InvalidArticle(Map<String, List<String>> errors) {
        super("The article has invalid fields: " + errors.keySet());
        this.errors = Map.copyOf(errors);
    }

    public Map<String, List<String>> errors() {
        return errors;
    }
}
