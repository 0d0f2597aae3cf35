package io.roundup.search.indexing;

import org.springframework.kafka.listener.BatchListenerFailedException;

/**
 * A batch that failed for a passing reason (Elasticsearch unreachable or overloaded), named as its first record so the
 * container retries it after the back-off. A class of its own, beside {@link RejectedInBatch}: the container keeps a
 * record's retry state while the failures that name it are instances of the first failure's class, so when
 * Elasticsearch is back and that first record turns out to be poison, the other class starts a new state, the poison
 * is classified as not retryable and goes to the dead-letter topic at once instead of being retried forever.
 */
final class BatchToRetry extends BatchListenerFailedException {

    BatchToRetry(String message, Throwable cause) {
        super(message, cause, 0);
    }
}
