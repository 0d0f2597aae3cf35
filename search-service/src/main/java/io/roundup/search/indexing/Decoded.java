package io.roundup.search.indexing;

import io.roundup.support.web.RequestIds;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/** A readable event of a batch, with its position there and the request id its log lines carry. */
record Decoded<E>(int position, E event, @Nullable String requestId) {

    /** Runs {@code action} (a log line, usually) with this event's request id in the MDC. */
    void withRequestId(Runnable action) {
        if (requestId == null) {
            action.run();
            return;
        }
        MDC.put(RequestIds.MDC_KEY, RequestIds.acceptOrCreate(requestId));
        try {
            action.run();
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
        }
    }
}
