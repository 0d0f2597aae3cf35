package io.roundup.search.query;

import java.time.Duration;

/** Elasticsearch cannot answer right now; the reader may try again after {@link #retryAfter()}. */
class SearchUnavailable extends RuntimeException {

    private final Duration retryAfter;

    SearchUnavailable(String message, Throwable cause, Duration retryAfter) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}
