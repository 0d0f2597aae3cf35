package io.roundup.search.indexing;

/**
 * Elasticsearch refused a document for what it is, not for a passing reason (a mapping conflict, a negative version):
 * no retry can help, so the event belongs on the dead-letter topic, like an unreadable one.
 */
class UnindexableEvent extends RuntimeException {

    UnindexableEvent(String reason) {
        super(reason);
    }
}
