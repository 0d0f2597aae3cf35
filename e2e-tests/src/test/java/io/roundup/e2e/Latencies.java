package io.roundup.e2e;

import java.util.Arrays;
import java.util.Collection;

/** A latency sample reduced to the figures the benchmarks report, in milliseconds (nearest-rank percentiles). */
record Latencies(int count, double p50Ms, double p90Ms, double p99Ms, double maxMs, double meanMs) {

    static Latencies ofNanos(Collection<Long> nanos) {
        return ofNanos(nanos.stream().mapToLong(Long::longValue).toArray());
    }

    static Latencies ofNanos(long[] nanos) {
        if (nanos.length == 0) {
            return new Latencies(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Latencies(
                sorted.length,
                ms(rank(sorted, 0.50)),
                ms(rank(sorted, 0.90)),
                ms(rank(sorted, 0.99)),
                ms(sorted[sorted.length - 1]),
                ms(Math.round(Arrays.stream(sorted).average().orElseThrow())));
    }

    private static long rank(long[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.clamp(index, 0, sorted.length - 1)];
    }

    /** Milliseconds with a tenth's precision: finer would be noise on a shared machine. */
    private static double ms(long nanos) {
        return Math.round(nanos / 100_000.0) / 10.0;
    }
}
