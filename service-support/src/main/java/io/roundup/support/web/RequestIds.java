package io.roundup.support.web;

import java.util.Optional;
import org.slf4j.MDC;

/**
 * One id per request, carried in logs (MDC {@code requestId}), HTTP headers and Kafka headers. The header and its
 * format are the platform's ({@link io.roundup.contracts.RequestIds}), shared with the gateway; this adds which
 * request a service thread is handling.
 */
public final class RequestIds {

    public static final String HEADER = io.roundup.contracts.RequestIds.HEADER;
    public static final String MDC_KEY = io.roundup.contracts.RequestIds.MDC_KEY;

    private RequestIds() {}

    /** The id of the request being handled on this thread, if any. */
    public static Optional<String> current() {
        return Optional.ofNullable(MDC.get(MDC_KEY));
    }

    /** A client's id is kept only when it is short and plain, so it cannot forge log lines; otherwise a new one. */
    public static String acceptOrCreate(String candidate) {
        return io.roundup.contracts.RequestIds.acceptOrCreate(candidate);
    }
}
