package io.roundup.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.roundup.devservices.DevServices;
import io.roundup.devservices.ElasticsearchServer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * An Elasticsearch that hangs instead of failing (frozen with SIGSTOP: its port still accepts, nothing answers) costs
 * a reader a bounded wait, then nothing: searches answer a 503 problem with {@code Retry-After}, the circuit breaker
 * opens and refuses reads at once, and once Elasticsearch goes on (SIGCONT) searches answer again by themselves.
 */
class FrozenElasticsearchIT extends SearchServiceHarness {

    private final ElasticsearchServer elasticsearch = DevServices.elasticsearch();

    @Autowired
    CircuitBreakerRegistry breakers;

    @AfterEach
    void thaw() {
        elasticsearch.resume();
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void searchesAnswer503WhileElasticsearchHangsAndRecoverByThemselves() throws Exception {
        CircuitBreaker breaker = breakers.circuitBreaker("elasticsearch-reads");
        await().atMost(Duration.ofSeconds(30)).until(() -> search().getStatus() == 200);

        elasticsearch.suspend();

        // roundup.search.reads.failures-to-open timeouts in a row open the breaker
        int failuresToOpen = breaker.getCircuitBreakerConfig().getMinimumNumberOfCalls();
        for (int attempt = 0; attempt < failuresToOpen; attempt++) {
            assertUnavailable(search());
        }
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertUnavailable(search());
        assertUnavailable(mvc.perform(get("/api/search/suggest").param("q", "turn"))
                .andReturn()
                .getResponse());

        elasticsearch.resume();

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> search().getStatus() == 200);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    private MockHttpServletResponse search() throws Exception {
        return mvc.perform(get("/api/search").param("q", "turntable"))
                .andReturn()
                .getResponse();
    }

    private static void assertUnavailable(MockHttpServletResponse response) throws Exception {
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(response.getHeader(HttpHeaders.RETRY_AFTER)).matches("[1-9][0-9]*");
        var problem = SearchApi.json(response);
        assertThat(problem.path("status").asInt()).isEqualTo(503);
        assertThat(problem.path("title").asString()).isEqualTo("Search unavailable");
    }
}
