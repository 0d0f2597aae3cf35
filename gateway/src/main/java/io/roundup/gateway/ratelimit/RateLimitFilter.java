package io.roundup.gateway.ratelimit;

import io.roundup.gateway.web.ProblemException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Spends one token of the client's read, write or token-request budget per request and answers 429 with
 * Retry-After when the budget is empty. It runs before authentication so that rejected requests cost little.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RateLimitFilter implements WebFilter {

    private final boolean enabled;

    private final TokenBuckets reads;

    private final TokenBuckets writes;

    private final TokenBuckets tokenRequests;

    RateLimitFilter(RateLimitSettings settings) {
        this.enabled = settings.enabled();
        this.reads = buckets(settings.reads(), settings.maxClients());
        this.writes = buckets(settings.writes(), settings.maxClients());
        this.tokenRequests = buckets(settings.token(), settings.maxClients());
    }

    private static TokenBuckets buckets(RateLimitSettings.Budget budget, int maxClients) {
        return new TokenBuckets(budget.requests(), budget.per(), maxClients, System::nanoTime);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String path = request.getPath().pathWithinApplication().value();
        // Health probes must never be throttled, or a busy gateway would look dead to its orchestrator.
        if (!enabled || path.startsWith("/actuator/health")) {
            return chain.filter(exchange);
        }
        TokenBuckets.Decision decision = budgetFor(request.getMethod(), path).tryTake(clientKey(request));
        if (decision.allowed()) {
            return chain.filter(exchange);
        }
        long seconds = decision.retryAfterSeconds();
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return Mono.error(new ProblemException(
                HttpStatus.TOO_MANY_REQUESTS,
                "Too many requests",
                "Too many requests from your address; retry in " + seconds + " s.",
                headers));
    }

    private TokenBuckets budgetFor(HttpMethod method, String path) {
        if (HttpMethod.POST.equals(method) && path.equals("/api/auth/token")) {
            return tokenRequests;
        }
        if (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method) || HttpMethod.OPTIONS.equals(method)) {
            return reads;
        }
        return writes;
    }

    /**
     * The peer address, or its /64 network for IPv6, since a single IPv6 client usually holds a whole /64 and could
     * otherwise rotate through fresh budgets.
     */
    static String clientKey(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        InetAddress address = remote != null ? remote.getAddress() : null;
        if (address == null) {
            return "unknown";
        }
        if (address instanceof Inet6Address) {
            byte[] network = new byte[8];
            System.arraycopy(address.getAddress(), 0, network, 0, 8);
            return HexFormat.of().formatHex(network) + "::/64";
        }
        return address.getHostAddress();
    }
}
