package io.roundup.gateway.web;

import io.micrometer.context.ContextRegistry;
import io.roundup.contracts.RequestIds;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.webflux.autoconfigure.WebHttpHandlerBuilderCustomizer;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;
import reactor.util.context.Context;

/**
 * Gives every exchange its request id and writes one access log line for it. It wraps the whole HTTP handler rather
 * than sitting in the filter chain so that it also sees the status of answers written by the error handler.
 */
@Component
class RequestIdAndAccessLog implements WebHttpHandlerBuilderCustomizer {

    private static final Logger accessLog = LoggerFactory.getLogger("io.roundup.gateway.access");
    /** The MDC keys of Micrometer Tracing's log correlation, which {@code %correlationId} prints. */
    private static final String TRACE_ID = "traceId";

    private static final String SPAN_ID = "spanId";

    static {
        // With spring.reactor.context-propagation=auto, Reactor copies the request id from the subscriber context
        // into the MDC around every operator, so log lines written anywhere in the exchange carry it.
        ContextRegistry.getInstance()
                .registerThreadLocalAccessor(
                        RequestIds.MDC_KEY,
                        () -> MDC.get(RequestIds.MDC_KEY),
                        value -> MDC.put(RequestIds.MDC_KEY, value),
                        () -> MDC.remove(RequestIds.MDC_KEY));
    }

    @Override
    public void customize(WebHttpHandlerBuilder builder) {
        builder.httpHandlerDecorator(this::decorate);
    }

    HttpHandler decorate(HttpHandler next) {
        return (request, response) -> {
            long started = System.nanoTime();
            String requestId = RequestIds.acceptOrCreate(request.getHeaders().getFirst(RequestIds.HEADER));
            ServerHttpRequest identified =
                    request.mutate().header(RequestIds.HEADER, requestId).build();
            response.beforeCommit(() -> {
                // set, not add: a service that echoes the id must not make it appear twice
                response.getHeaders().set(RequestIds.HEADER, requestId);
                return Mono.empty();
            });
            ExchangeTrace.Holder trace = new ExchangeTrace.Holder();
            return next.handle(identified, response)
                    .doFinally(signal -> logExchange(identified, response, requestId, trace, started, signal))
                    .contextWrite(Context.of(RequestIds.MDC_KEY, requestId, ExchangeTrace.KEY, trace));
        };
    }

    private static void logExchange(
            ServerHttpRequest request,
            ServerHttpResponse response,
            String requestId,
            ExchangeTrace.Holder trace,
            long started,
            SignalType signal) {
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        HttpStatusCode status = response.getStatusCode();
        Object outcome = signal == SignalType.CANCEL ? "cancelled" : (status != null ? status.value() : "-");
        String method = request.getMethod().name();
        String path = request.getPath().value();
        MDC.put(RequestIds.MDC_KEY, requestId);
        // the exchange's server span has ended by now: its ids go on the line as on every other line of the exchange
        if (trace.traceId() != null) {
            MDC.put(TRACE_ID, trace.traceId());
            MDC.put(SPAN_ID, trace.spanId());
        }
        try {
            accessLog
                    .atInfo()
                    .addKeyValue("method", method)
                    .addKeyValue("path", path)
                    .addKeyValue("status", outcome)
                    .addKeyValue("durationMs", millis)
                    .log("{} {} {} {} ms", method, path, outcome, millis);
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
            MDC.remove(TRACE_ID);
            MDC.remove(SPAN_ID);
        }
    }
}
