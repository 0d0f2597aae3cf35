package io.roundup.search.query;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import io.roundup.search.query.SearchResults.FacetCount;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The facets, the one place their names are written: each is a filter parameter, an aggregation of the search under
 * that name and a key of the results' {@code facets}, in this order. Values are matched case-insensitively (on the
 * field's lowercase {@code .lc}) and counted as editors wrote them; the price bands are ranges of the lowest price of
 * any reviewed product ({@link PriceBand}).
 */
enum Facet {
    CATEGORY("category", "category"),
    TAG("tag", "tags"),
    AUTHOR("author", "author"),
    PRODUCT_KIND("productKind", "products.kind"),
    PRICE("price", PriceBand.FIELD);

    /** How many values of a facet are counted. */
    private static final int SIZE = 50;
    /** The sub-aggregation, under each facet's filter, that counts its values. */
    private static final String VALUES = "values";

    private final String key;
    private final String field;

    Facet(String key, String field) {
        this.key = key;
        this.field = field;
    }

    /** The name readers see: the filter parameter, the aggregation's and the results' key. */
    String key() {
        return key;
    }

    /** The indexed field holding the original values. */
    String field() {
        return field;
    }

    /** The filter for what the reader chose in this facet (alternatives: any of them matches); empty for none. */
    Optional<Query> filter(SearchQuery query) {
        if (this == PRICE) {
            List<PriceBand> bands = query.priceBands();
            return bands.isEmpty()
                    ? Optional.empty()
                    : Optional.of(Query.of(f -> f.bool(any -> any.should(
                                    bands.stream().map(PriceBand::filter).toList())
                            .minimumShouldMatch("1"))));
        }
        List<String> values = chosen(query);
        if (values.isEmpty()) {
            return Optional.empty();
        }
        List<FieldValue> terms = values.stream()
                .map(v -> FieldValue.of(v.toLowerCase(Locale.ROOT)))
                .toList();
        return Optional.of(Query.of(f -> f.terms(t -> t.field(field + ".lc").terms(tv -> tv.value(terms)))));
    }

    /**
     * Counts this facet among the hits that pass {@code filter}: the terms of its field, or how many hits have a product
     * in each price band.
     */
    Aggregation aggregation(Query filter) {
        if (this == PRICE) {
            return Aggregation.of(a -> a.filter(filter)
                    .aggregations(
                            VALUES,
                            v -> v.range(r -> r.field(field)
                                    .ranges(Arrays.stream(PriceBand.values())
                                            .map(PriceBand::range)
                                            .toList()))));
        }
        return Aggregation.of(a -> a.filter(filter)
                .aggregations(VALUES, v -> v.terms(t -> t.field(field).size(SIZE))));
    }

    /**
     * The counts of an answer's {@link #aggregation}: term values by count, as Elasticsearch orders them; price bands
     * in their own order, leaving out the empty ones as the term facets do.
     */
    List<FacetCount> counts(Aggregate facet) {
        if (facet == null) {
            return List.of();
        }
        Aggregate values = facet.filter().aggregations().get(VALUES);
        if (this == PRICE) {
            return values.range().buckets().array().stream()
                    .filter(bucket -> bucket.docCount() > 0)
                    .map(bucket -> new FacetCount(bucket.key(), bucket.docCount()))
                    .toList();
        }
        return values.sterms().buckets().array().stream()
                .map(bucket -> new FacetCount(bucket.key().stringValue(), bucket.docCount()))
                .toList();
    }

    private List<String> chosen(SearchQuery query) {
        return switch (this) {
            case CATEGORY -> query.categories();
            case TAG -> query.tags();
            case AUTHOR -> query.authors();
            case PRODUCT_KIND -> query.productKinds();
            case PRICE -> query.priceBands().stream().map(PriceBand::key).toList();
        };
    }
}
