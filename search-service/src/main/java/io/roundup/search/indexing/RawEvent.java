package io.roundup.search.indexing;

import org.jspecify.annotations.Nullable;

/**
 * One record of a batch as it came off a topic, before decoding: what the live consumers and a reindex's replay both
 * hand to {@link EventIndexing}.
 *
 * @param ceType the {@code ce_type} header; absent makes the event unreadable
 * @param payload the record's value
 * @param requestId the request id of the write that produced the event, carried into the logs of its indexing
 * @param traceparent the record's W3C {@code traceparent}: the trace of that write, continued by its indexing
 */
public record RawEvent(
        @Nullable String ceType,
        byte[] payload,
        @Nullable String requestId,
        @Nullable String traceparent) {

    /** A record outside any trace. */
    public RawEvent(@Nullable String ceType, byte[] payload, @Nullable String requestId) {
        this(ceType, payload, requestId, null);
    }
}
