package io.roundup.search.indexing;

import io.roundup.events.ArticleChanged;
import io.roundup.events.ProductChanged;
import io.roundup.search.indexing.ReviewDocument.ProductSummary;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The documents search-service writes for events, for tools outside the service: the ingest benchmark writes exactly
 * these straight to Elasticsearch with a plain bulk ingester, to tell what the service's consumption adds to what
 * indexing itself costs, without a hand copy of the document building to keep in step. Nothing in the service calls
 * it; it only opens {@link ReviewDocuments} to them.
 */
public final class ReviewSources {

    private ReviewSources() {}

    /** The products index's document for a product event. */
    public static Object product(ProductChanged event) {
        return ReviewDocuments.product(event);
    }

    /**
     * The reviews index's document for a published article, with the products it lists as {@code catalogue} holds
     * them (what the service reads back from its products index); any other state gives its tombstone.
     */
    public static ReviewDocument review(ArticleChanged event, Map<String, ProductChanged> catalogue) {
        Map<String, ProductSummary> known = new HashMap<>();
        catalogue.forEach((id, product) -> {
            ProductDocument document = ReviewDocuments.product(product);
            if (document.isActive()) {
                known.put(id, document.summary());
            }
        });
        return ArticleIndexer.document(event, known);
    }

    /** The products of {@code event} that a review lists, in its order. */
    public static List<String> productIds(ArticleChanged event) {
        return event.published() == null ? List.of() : ReviewDocuments.productIds(event.published());
    }
}
