package io.roundup.search.query;

import co.elastic.clients.elasticsearch._types.aggregations.AggregationRange;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The price bands readers filter by, over the lowest price of each reviewed product: a review is in a band when one of
 * its products is. Bands compare amounts only; a review site with prices in several currencies reads them as
 * "roughly this much" (see the README).
 */
enum PriceBand {
    UNDER_25("under-25", null, 25.0),
    FROM_25_TO_100("25-100", 25.0, 100.0),
    FROM_100_TO_250("100-250", 100.0, 250.0),
    FROM_250_TO_500("250-500", 250.0, 500.0),
    FROM_500("500-plus", 500.0, null);

    /** The field the bands are computed over. */
    static final String FIELD = "products.lowestPrice.amount";

    private final String key;
    private final Double from;
    private final Double to;

    PriceBand(String key, Double from, Double to) {
        this.key = key;
        this.from = from;
        this.to = to;
    }

    /** The name readers see in facets and send back as {@code price=…}. */
    String key() {
        return key;
    }

    /** Inclusive lower bound, or null. */
    Double from() {
        return from;
    }

    /** Exclusive upper bound, or null. */
    Double to() {
        return to;
    }

    /** Reviews with a product whose lowest price is in this band. */
    Query filter() {
        return Query.of(q -> q.range(r -> r.number(n -> n.field(FIELD).gte(from).lt(to))));
    }

    /** This band as a bucket of the facet's range aggregation. */
    AggregationRange range() {
        return AggregationRange.of(r -> r.key(key).from(from).to(to));
    }

    static Optional<PriceBand> of(String key) {
        return Arrays.stream(values())
                .filter(band -> band.key.equalsIgnoreCase(key))
                .findFirst();
    }

    static List<String> keys() {
        return Arrays.stream(values()).map(PriceBand::key).toList();
    }
}
