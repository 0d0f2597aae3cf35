package io.roundup.search.query;

import java.util.Arrays;
import java.util.Optional;

/** How hits are ordered; the cursor remembers it, so a page cannot continue another ordering's pages. */
enum SortMode {

    /** Best match first, then newest, then id (the tie-breaker that makes pages stable). */
    RELEVANCE("relevance"),
    /** Newest first, then id. */
    NEWEST("newest");

    private final String param;

    SortMode(String param) {
        this.param = param;
    }

    String param() {
        return param;
    }

    static Optional<SortMode> of(String param) {
        return Arrays.stream(values()).filter(m -> m.param.equals(param)).findFirst();
    }
}
