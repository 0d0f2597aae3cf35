package io.roundup.gateway.web;

import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.handler.TracingObservationHandler.TracingContext;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Hands the trace of an exchange out to {@link RequestIdAndAccessLog}: the access log line is written outside the
 * server observation (around the whole HTTP handler, to see the error handler's answers too), where the MDC no longer
 * holds the trace, so the trace and span ids of the exchange's server span are kept in a holder that the access log
 * puts into the Reactor context and this filter, running inside the observation, fills.
 */
@Component
class ExchangeTrace implements WebFilter, Ordered {

    /** The Reactor context key of the {@link Holder}. */
    static final String KEY = ExchangeTrace.class.getName();

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return Mono.deferContextual(context -> {
            context.<Holder>getOrEmpty(KEY)
                    .ifPresent(holder -> ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                            .map(observation -> observation.<TracingContext>get(TracingContext.class))
                            .map(TracingContext::getSpan)
                            .ifPresent(span -> holder.trace = span.context()));
            return chain.filter(exchange);
        });
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    /** The trace of one exchange, once known. */
    static final class Holder {

        private volatile TraceContext trace;

        String traceId() {
            TraceContext current = trace;
            return current == null ? null : current.traceId();
        }

        String spanId() {
            TraceContext current = trace;
            return current == null ? null : current.spanId();
        }
    }
}
