package io.roundup.search.query;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.transport.rest5_client.Rest5ClientOptions;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.util.Timeout;
import org.springframework.stereotype.Component;

/**
 * Readers' calls to the review index, bounded and guarded. Every call waits at most {@link ReadSettings#timeout()};
 * Elasticsearch away, overloaded, hanging or without the index yet is {@link SearchUnavailable} (a 503 that says when
 * to try again); anything else is a fault of the request and stays as it is. After a run of such failures the circuit
 * breaker {@value #BREAKER} opens and reads fail at once, so a hanging Elasticsearch does not tie up a request thread
 * per reader; after {@link ReadSettings#openFor()} one read probes it, and a success closes the breaker again.
 */
@Component
class SearchCalls {

    static final String BREAKER = "elasticsearch-reads";

    interface ElasticsearchCall<T> {
        CompletableFuture<T> call(ElasticsearchAsyncClient client);
    }

    private final ElasticsearchAsyncClient client;

    private final Duration timeout;

    private final CircuitBreaker breaker;

    private final Duration retryAfter;

    SearchCalls(ElasticsearchClient client, ReadSettings settings, CircuitBreakerRegistry breakers) {
        this.client = new ElasticsearchAsyncClient(client._transport(), bounded(client, settings.timeout()));
        this.timeout = settings.timeout();
        this.retryAfter = settings.openFor();
        this.breaker = breakers.circuitBreaker(
                BREAKER,
                CircuitBreakerConfig.custom()
                        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                        .slidingWindowSize(settings.failuresToOpen())
                        .minimumNumberOfCalls(settings.failuresToOpen())
                        .failureRateThreshold(100)
                        .waitDurationInOpenState(settings.openFor())
                        .permittedNumberOfCallsInHalfOpenState(1)
                        .recordException(SearchCalls::elasticsearchCannotAnswer)
                        .build());
    }

    <T> T call(ElasticsearchCall<T> call) {
        try {
            return breaker.executeCallable(() -> await(call.call(client)));
        } catch (CallNotPermittedException ex) {
            throw new SearchUnavailable("Elasticsearch reads are suspended (circuit open)", ex, retryAfter);
        } catch (IOException | TimeoutException ex) {
            throw new SearchUnavailable("Elasticsearch is unreachable or did not answer in time", ex, retryAfter);
        } catch (ElasticsearchException ex) {
            if (elasticsearchCannotAnswer(ex)
                    || "index_not_found_exception".equals(ex.error().type())) {
                throw new SearchUnavailable("Elasticsearch cannot answer: " + ex.getMessage(), ex, retryAfter);
            }
            throw ex;
        } catch (RuntimeException ex) {
            throw ex;
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** The client for calls that need no answer (closing a point in time): the same bounded waits. */
    ElasticsearchAsyncClient client() {
        return client;
    }

    /**
     * The answer within the timeout, whatever the transport does: a socket timeout alone does not end a request to a
     * node that accepted the connection and then froze (SIGSTOP), so the wait is bounded here and the request
     * cancelled.
     */
    private <T> T await(CompletableFuture<T> answer) throws Exception {
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException ex) {
            answer.cancel(true);
            throw ex;
        } catch (ExecutionException ex) {
            Throwable cause = ex.getCause() instanceof CompletionException completion && completion.getCause() != null
                    ? completion.getCause()
                    : ex.getCause();
            if (cause instanceof Exception failure) {
                throw failure;
            }
            throw ex;
        }
    }

    /** A failure of Elasticsearch rather than of the request: it counts towards opening the breaker. */
    private static boolean elasticsearchCannotAnswer(Throwable failure) {
        return failure instanceof IOException
                || failure instanceof TimeoutException
                || failure instanceof ElasticsearchException ex && (ex.status() >= 500 || ex.status() == 429);
    }

    /**
     * The per-request settings replace the client's, so they say every wait: for a pooled connection, and for the
     * answer (the connect timeout stays the connection's, from {@code spring.elasticsearch.connection-timeout}).
     */
    private static Rest5ClientOptions bounded(ElasticsearchClient client, Duration timeout) {
        RequestConfig waits = RequestConfig.custom()
                .setConnectionRequestTimeout(Timeout.of(timeout))
                .setResponseTimeout(Timeout.of(timeout))
                .build();
        Rest5ClientOptions.Builder options = Rest5ClientOptions.of(client._transportOptions()).toBuilder();
        options.restClientRequestOptionsBuilder().setRequestConfig(waits);
        return options.build();
    }
}
