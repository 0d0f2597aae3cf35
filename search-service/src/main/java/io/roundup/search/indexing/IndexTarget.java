package io.roundup.search.indexing;

import io.roundup.search.indices.SearchIndices;

/**
 * Where indexing writes. {@link #LIVE} is the two aliases readers search (and whatever a reindex mirrors them into);
 * {@link #building} names the physical versions a reindex fills by replaying the topics, which nobody reads yet.
 *
 * @param reviews the review index or alias
 * @param products the product index or alias that enriches the reviews
 * @param live whether these are the aliases: written with {@code require_alias} and mirrored during a reindex
 */
public record IndexTarget(String reviews, String products, boolean live) {

    public static final IndexTarget LIVE = new IndexTarget(SearchIndices.REVIEWS, SearchIndices.PRODUCTS, true);

    public static IndexTarget building(String reviews, String products) {
        return new IndexTarget(reviews, products, false);
    }
}
