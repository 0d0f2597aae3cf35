package io.roundup.gateway.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Refuses request bodies over {@code roundup.limits.max-body-size} with 413 before anything is forwarded. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class BodySizeLimitFilter implements WebFilter {

    private final long maxBytes;

    BodySizeLimitFilter(LimitSettings settings) {
        this.maxBytes = settings.maxBodySize().toBytes();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        HttpHeaders headers = request.getHeaders();
        long declared = headers.getContentLength();
        if (declared > maxBytes) {
            return Mono.error(tooLarge());
        }
        if (declared >= 0 || !headers.containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
            return chain.filter(exchange);
        }
        // A chunked body announces no length: read it up to the limit first so that an oversized one never
        // reaches a service half-sent.
        return DataBufferUtils.join(request.getBody(), (int) maxBytes)
                .onErrorMap(DataBufferLimitException.class, ex -> tooLarge())
                .map(body -> exchange.mutate().request(withBody(request, body)).build())
                .defaultIfEmpty(exchange)
                .flatMap(chain::filter);
    }

    private ProblemException tooLarge() {
        // The rest of the body is never read: closing the connection spares both sides draining it.
        HttpHeaders headers = new HttpHeaders();
        headers.setConnection("close");
        return new ProblemException(
                HttpStatus.CONTENT_TOO_LARGE,
                "Request body too large",
                "The request body is larger than the " + maxBytes + " bytes the gateway accepts.",
                headers);
    }

    private static ServerHttpRequest withBody(ServerHttpRequest request, DataBuffer body) {
        HttpHeaders headers = HttpHeaders.copyOf(request.getHeaders());
        headers.remove(HttpHeaders.TRANSFER_ENCODING);
        headers.setContentLength(body.readableByteCount());
        return new ServerHttpRequestDecorator(request) {
            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }

            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.just(body);
            }
        };
    }
}
