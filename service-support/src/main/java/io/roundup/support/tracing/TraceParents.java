package io.roundup.support.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.List;
import java.util.Optional;

/**
 * The trace a thread works in, as a W3C {@code traceparent}, and back: a service stores it beside the request id of
 * the change it saves, and the outbox relay, announcing the change later on a thread of its own, restores it around the
 * send, so the Kafka record (and whatever the consumer does with it) stays in the trace of the request that made it.
 * Micrometer Tracing runs on the OpenTelemetry bridge here, whose current span is OpenTelemetry's; Boot's log
 * correlation follows a context made current this way, so the lines written inside carry the trace id too.
 */
public final class TraceParents {

    /** The W3C Trace Context header, on HTTP requests and Kafka records alike. */
    public static final String HEADER = "traceparent";

    private static final TextMapGetter<String> VALUE = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return List.of(HEADER);
        }

        @Override
        public String get(String carrier, String key) {
            return HEADER.equals(key) ? carrier : null;
        }
    };

    private TraceParents() {}

    /** The {@code traceparent} of the span current on this thread, if there is one. */
    public static Optional<String> current() {
        SpanContext span = Span.current().getSpanContext();
        if (!span.isValid()) {
            return Optional.empty();
        }
        return Optional.of("00-" + span.getTraceId() + "-" + span.getSpanId() + "-"
                + span.getTraceFlags().asHex());
    }

    /**
     * Makes the trace of {@code traceparent} current on this thread until the scope is closed; with a missing or
     * malformed one, changes nothing (the work then starts a trace of its own, as before).
     */
    public static Scope restore(String traceparent) {
        if (traceparent == null || traceparent.isBlank()) {
            return Scope.noop();
        }
        Context context = W3CTraceContextPropagator.getInstance().extract(Context.root(), traceparent, VALUE);
        if (!Span.fromContext(context).getSpanContext().isValid()) {
            return Scope.noop();
        }
        return context.makeCurrent();
    }
}
