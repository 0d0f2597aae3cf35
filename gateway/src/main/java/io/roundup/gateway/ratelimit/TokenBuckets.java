package io.roundup.gateway.ratelimit;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * One token bucket per client key for a single budget, in memory. A bucket that has been idle long enough to fill up
 * again is indistinguishable from a new one, so sweeping those away bounds memory without forgetting anything; when
 * the map is still full after a sweep, new clients share one overflow bucket instead of growing it further.
 */
final class TokenBuckets {

    static final String OVERFLOW = "\u0000overflow";

    private final long interval;

    private final long period;

    private final int maxClients;

    private final LongSupplier nanoClock;

    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    private final AtomicLong nextSweep;

    TokenBuckets(int requests, Duration per, int maxClients, LongSupplier nanoClock) {
        this.interval = Math.max(1, per.toNanos() / requests);
        this.period = per.toNanos();
        this.maxClients = maxClients;
        this.nanoClock = nanoClock;
        this.nextSweep = new AtomicLong(nanoClock.getAsLong() + period);
    }

    Decision tryTake(String client) {
        long now = nanoClock.getAsLong();
        long due = nextSweep.get();
        if (now - due >= 0 && nextSweep.compareAndSet(due, now + period)) {
            sweep(now);
        }
        Bucket bucket = buckets.get(client);
        if (bucket == null) {
            if (buckets.size() >= maxClients) {
                sweep(now);
            }
            String key = buckets.size() >= maxClients ? OVERFLOW : client;
            bucket = buckets.computeIfAbsent(key, k -> new Bucket(now));
        }
        return bucket.take(now);
    }

    int size() {
        return buckets.size();
    }

    private void sweep(long now) {
        // A request racing with the removal may spend a token of the discarded (full) bucket: at worst one free
        // request.
        buckets.values().removeIf(bucket -> bucket.isFullAt(now));
    }

    /**
     * A token bucket kept as the time at which it would be full again (the generic cell rate algorithm): integer
     * arithmetic on one long, so refills are exact whatever the budget.
     */
    private final class Bucket {

        private long fullAt;

        Bucket(long now) {
            this.fullAt = now;
        }

        synchronized Decision take(long now) {
            long next = Math.max(fullAt, now) + interval;
            long overdraft = next - now - period;
            if (overdraft > 0) {
                return new Decision(false, Duration.ofNanos(overdraft));
            }
            fullAt = next;
            return Decision.ALLOWED;
        }

        synchronized boolean isFullAt(long now) {
            return fullAt - now <= 0;
        }
    }

    /** Whether a request may go ahead, and if not, how long until the client's next token. */
    record Decision(boolean allowed, Duration retryAfter) {

        static final Decision ALLOWED = new Decision(true, Duration.ZERO);

        long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }
    }
}
