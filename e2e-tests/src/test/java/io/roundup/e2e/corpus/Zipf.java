package io.roundup.e2e.corpus;

import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Picks from a list with Zipf-like odds: the first item most often, the k-th about 1/k as often. Word use, brands,
 * authors and subjects of a real site follow that shape, which is what gives an index realistic term statistics.
 */
final class Zipf<T> {

    private final List<T> items;
    private final double[] cumulative;

    Zipf(List<T> items, double exponent) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("nothing to pick from");
        }
        this.items = List.copyOf(items);
        this.cumulative = new double[items.size()];
        double sum = 0;
        for (int k = 0; k < items.size(); k++) {
            sum += 1 / Math.pow(k + 1, exponent);
            cumulative[k] = sum;
        }
    }

    Zipf(List<T> items) {
        this(items, 1.0);
    }

    T pick(RandomGenerator random) {
        return items.get(index(random));
    }

    int index(RandomGenerator random) {
        double at = random.nextDouble() * cumulative[cumulative.length - 1];
        int found = Arrays.binarySearch(cumulative, at);
        return Math.min(found >= 0 ? found : -found - 1, cumulative.length - 1);
    }

    List<T> items() {
        return items;
    }
}
