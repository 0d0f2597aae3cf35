package io.roundup.search.indexing;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorCause;

/**
 * How an Elasticsearch failure is classified: already newer (ignore), refused for good (dead letter), or passing
 * (retry); Elasticsearch out of reach is {@link io.roundup.search.indices.Unreachable}.
 */
final class Writes {

    static final String VERSION_CONFLICT = "version_conflict_engine_exception";
    static final String INDEX_NOT_FOUND = "index_not_found_exception";

    private Writes() {}

    static boolean isIndexMissing(ErrorCause error) {
        return error != null && INDEX_NOT_FOUND.equals(error.type());
    }

    static boolean isVersionConflict(int status, ErrorCause error) {
        return status == 409 || error != null && VERSION_CONFLICT.equals(error.type());
    }

    /** A 4xx other than a conflict or throttling is about the document itself; anything else may pass. */
    static RuntimeException classify(String what, int status, ErrorCause error) {
        String reason = error == null ? "status " + status : error.type() + ": " + error.reason();
        if (status >= 400 && status < 500 && status != 408 && status != 429) {
            return new UnindexableEvent("Elasticsearch refused " + what + " (" + reason + ")");
        }
        return new IllegalStateException("Elasticsearch could not write " + what + " (" + reason + "); will retry");
    }

    static RuntimeException classify(String what, ElasticsearchException ex) {
        return classify(what, ex.status(), ex.error());
    }
}
