package io.roundup.search.query;

import java.util.List;

/**
 * A validated search: plain text (never a query language), facet filters (values within a facet are alternatives,
 * facets combine), the ordering, the page size and where the page starts.
 */
record SearchQuery(
        String text,
        List<String> categories,
        List<String> tags,
        List<String> authors,
        List<String> productKinds,
        List<PriceBand> priceBands,
        SortMode sort,
        int size,
        Cursor cursor) {

    boolean hasText() {
        return text != null && !text.isBlank();
    }
}
