package io.roundup.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class TokenBucketsTests {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private final TokenBuckets buckets = new TokenBuckets(3, Duration.ofSeconds(3), 100, now::get);

    @Test
    void allowsABurstUpToTheBudgetThenRefuses() {
        assertThat(buckets.tryTake("a").allowed()).isTrue();
        assertThat(buckets.tryTake("a").allowed()).isTrue();
        assertThat(buckets.tryTake("a").allowed()).isTrue();

        TokenBuckets.Decision refused = buckets.tryTake("a");

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void refillsContinuouslyAtTheBudgetRate() {
        drain("a");

        advance(Duration.ofMillis(999));
        assertThat(buckets.tryTake("a").allowed()).isFalse();

        advance(Duration.ofMillis(1));
        assertThat(buckets.tryTake("a").allowed()).isTrue();
        assertThat(buckets.tryTake("a").allowed()).isFalse();
    }

    @Test
    void tellsHowLongUntilTheNextToken() {
        drain("a");
        advance(Duration.ofMillis(400));

        TokenBuckets.Decision refused = buckets.tryTake("a");

        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMillis(600));
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void neverHoldsMoreThanTheBudget() {
        advance(Duration.ofHours(1));

        drain("a");

        assertThat(buckets.tryTake("a").allowed()).isFalse();
    }

    @Test
    void keepsEachClientsBudgetApart() {
        drain("a");

        assertThat(buckets.tryTake("b").allowed()).isTrue();
    }

    @Test
    void forgetsClientsWhoseBucketHasRefilled() {
        drain("a");
        buckets.tryTake("b");
        assertThat(buckets.size()).isEqualTo(2);

        advance(Duration.ofSeconds(3));
        buckets.tryTake("c");

        assertThat(buckets.size()).isEqualTo(1);
    }

    @Test
    void sendsNewClientsToASharedBucketWhenFullOfActiveClients() {
        TokenBuckets small = new TokenBuckets(3, Duration.ofSeconds(3), 2, now::get);
        small.tryTake("a");
        small.tryTake("b");

        small.tryTake("c");
        small.tryTake("d");
        small.tryTake("e");

        assertThat(small.size()).isEqualTo(3);
        assertThat(small.tryTake("f").allowed())
                .as("c, d and e spent the shared overflow budget")
                .isFalse();
        assertThat(small.tryTake("a").allowed())
                .as("known clients keep their own budget")
                .isTrue();
    }

    @Test
    void keysIpv4ClientsByAddressAndIpv6ClientsByTheirSlash64() {
        assertThat(RateLimitFilter.clientKey(from("192.0.2.7"))).isEqualTo("192.0.2.7");
        assertThat(RateLimitFilter.clientKey(from("2001:db8:1:2:aaaa::1")))
                .isEqualTo(RateLimitFilter.clientKey(from("2001:db8:1:2:bbbb::9")))
                .isNotEqualTo(RateLimitFilter.clientKey(from("2001:db8:1:3::1")));
    }

    private static MockServerHttpRequest from(String address) {
        return MockServerHttpRequest.get("/")
                .remoteAddress(new InetSocketAddress(address, 40000))
                .build();
    }

    private void drain(String client) {
        while (buckets.tryTake(client).allowed()) {
            // spend the burst
        }
    }

    private void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }
}
