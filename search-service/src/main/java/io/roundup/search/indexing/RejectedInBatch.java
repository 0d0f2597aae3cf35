package io.roundup.search.indexing;

import org.springframework.kafka.listener.BatchListenerFailedException;

/**
 * An event of the batch no retry can help (unreadable, or refused by Elasticsearch for what it is), named by its
 * position: the records before it are done, it goes to the dead-letter topic, the ones after it are delivered again.
 * A sibling of {@link BatchToRetry}, never its subtype or supertype, so the container sees the change of reason.
 */
final class RejectedInBatch extends BatchListenerFailedException {

    RejectedInBatch(Rejected first) {
        super(first.reason().getMessage(), first.reason(), first.position());
    }
}
