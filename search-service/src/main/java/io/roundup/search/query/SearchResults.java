package io.roundup.search.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One page of search results.
 *
 * @param total how many published articles match (the filters included)
 * @param hits this page
 * @param facets per facet ({@code category}, {@code tag}, {@code author}, {@code productKind}), its values and counts;
 *        each facet's counts honour every filter but its own, so a reader can widen a choice within a facet
 * @param nextCursor the next page's cursor; absent on the last page
 */
record SearchResults(
        long total,
        List<Hit> hits,
        Map<String, List<FacetCount>> facets,
        @JsonInclude(JsonInclude.Include.NON_NULL) String nextCursor) {

    /** A published article that matched, with the fragments that matched ({@code highlights}: field → fragments). */
    record Hit(
            String id,
            String slug,
            String title,
            String summary,
            String author,
            String category,
            List<String> tags,
            Instant publishedAt,
            List<Product> products,
            Map<String, List<String>> highlights) {}

    /** A product the article reviews, with its lowest current price (null when it has no offer). */
    record Product(String id, String name, String kind, Price price) {}

    /** Money as everywhere in Roundup's API: a decimal string and an ISO-4217 code. */
    record Price(String amount, String currency) {}

    /** A facet value as editors wrote it, and how many matching articles have it. */
    record FacetCount(String value, long count) {}
}
