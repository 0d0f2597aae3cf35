package io.roundup.article;

import java.util.List;
import java.util.Map;

/** Publishing refused: entries name products the catalog does not have. {@code errors} maps each entry's field to why. */
public class UnknownProducts extends RuntimeException {

    private final Map<String, List<String>> errors;

    UnknownProducts(Map<String, List<String>> errors) {
        super("Entries name products that are not in the catalog: " + errors.keySet());
        this.errors = Map.copyOf(errors);
    }

    public Map<String, List<String>> errors() {
        return errors;
    }
}
