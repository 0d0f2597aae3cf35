package io.roundup.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.RangeBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import io.roundup.search.query.SearchResults.FacetCount;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The facets' names, and how an answer's aggregations become the counts readers see. */
class FacetTests {

    @Test
    void theFacetsAreCategoryTagAuthorProductKindAndPriceInThatOrder() {
        assertThat(Arrays.stream(Facet.values()).map(Facet::key))
                .containsExactly("category", "tag", "author", "productKind", "price");
        assertThat(Arrays.stream(Facet.values()).map(Facet::field))
                .containsExactly("category", "tags", "author", "products.kind", "products.lowestPrice.amount");
    }

    @Test
    void termValuesAreCountedAsEditorsWroteThem() {
        Aggregate answer = filtered(Aggregate.of(v -> v.sterms(t -> t.sumOtherDocCount(0L)
                .buckets(b -> b.array(List.of(
                        StringTermsBucket.of(s -> s.key("Trail").docCount(2)),
                        StringTermsBucket.of(s -> s.key("running").docCount(1))))))));

        assertThat(Facet.TAG.counts(answer)).containsExactly(new FacetCount("Trail", 2), new FacetCount("running", 1));
    }

    @Test
    void priceBandsKeepTheirOwnOrderAndLeaveOutTheEmptyOnes() {
        Aggregate answer = filtered(Aggregate.of(v -> v.range(r -> r.buckets(b -> b.array(List.of(
                RangeBucket.of(s -> s.key("under-25").docCount(0)),
                RangeBucket.of(s -> s.key("25-100").docCount(4)),
                RangeBucket.of(s -> s.key("100-250").docCount(0)),
                RangeBucket.of(s -> s.key("250-500").docCount(1)),
                RangeBucket.of(s -> s.key("500-plus").docCount(0))))))));

        assertThat(Facet.PRICE.counts(answer))
                .containsExactly(new FacetCount("25-100", 4), new FacetCount("250-500", 1));
    }

    @Test
    void aFacetTheAnswerLacksHasNoCounts() {
        assertThat(Facet.CATEGORY.counts(null)).isEmpty();
    }

    private static Aggregate filtered(Aggregate values) {
        return Aggregate.of(a -> a.filter(f -> f.docCount(5).aggregations("values", values)));
    }
}
