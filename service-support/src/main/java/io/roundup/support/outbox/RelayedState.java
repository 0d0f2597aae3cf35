package io.roundup.support.outbox;

/**
 * A stored document that {@link StateRelay} can announce. Its collection must also hold, per document, the fields
 * {@value StateRelay#PENDING} (true while {@code revision} has not been announced) and {@value StateRelay#ANNOUNCED}.
 */
public interface RelayedState {

    /** The entity id: the Kafka key and the CloudEvents subject. */
    String id();

    /** Raised by one on every save, in the same write as the new state. */
    long revision();

    /** The request that made this revision, so its id follows the change through Kafka; may be null. */
    String lastRequestId();

    /**
     * The W3C {@code traceparent} of the request that made this revision, so the Kafka record continues its trace; may
     * be null (saved before tracing, or outside a trace).
     */
    default String lastTraceparent() {
        return null;
    }
}
