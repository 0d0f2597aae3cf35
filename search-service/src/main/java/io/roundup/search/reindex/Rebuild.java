package io.roundup.search.reindex;

import io.roundup.search.indexing.IndexTarget;
import io.roundup.search.indices.SearchIndices;
import java.util.Map;

/**
 * The index versions one job builds, and the live ones they are to replace.
 *
 * @param next the new versions, written by the replay
 * @param liveProducts the product index the {@value SearchIndices#PRODUCTS} alias points at when the job starts
 * @param liveReviews the review index the {@value SearchIndices#REVIEWS} alias points at when the job starts
 */
record Rebuild(IndexTarget next, String liveProducts, String liveReviews) {

    /** Per alias, the new version. */
    Map<String, String> building() {
        return Map.of(SearchIndices.PRODUCTS, next.products(), SearchIndices.REVIEWS, next.reviews());
    }

    /** Per alias, the live version. */
    Map<String, String> live() {
        return Map.of(SearchIndices.PRODUCTS, liveProducts, SearchIndices.REVIEWS, liveReviews);
    }
}
