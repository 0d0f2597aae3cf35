package io.roundup.search.query;

/** Elasticsearch cannot answer right now; the reader may try again shortly. */
class SearchUnavailable extends RuntimeException {

    SearchUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
