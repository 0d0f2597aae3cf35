package io.roundup.search.indexing;

import io.opentelemetry.context.Scope;
import io.roundup.support.tracing.TraceParents;
import io.roundup.support.web.RequestIds;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * A readable event of a batch, with its position there and the request id and trace ({@code traceparent}) its log
 * lines carry.
 */
record Decoded<E>(
        int position,
        E event,
        @Nullable String requestId,
        @Nullable String traceparent) {

    Decoded(int position, E event, @Nullable String requestId) {
        this(position, event, requestId, null);
    }

    /**
     * Runs {@code action} (a log line, usually) in this event's trace and with its request id in the MDC: the batch is
     * handled together, but each record's lines belong to the request that made its change.
     */
    void withRequestId(Runnable action) {
        try (Scope trace = TraceParents.restore(traceparent)) {
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
}
