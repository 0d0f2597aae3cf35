package io.roundup.search.indexing;

import io.roundup.events.ArticleChanged;
import io.roundup.events.ArticleEvent;
import io.roundup.events.ArticleRemoved;
import io.roundup.events.ArticleStatus;
import io.roundup.events.EventCodec;
import io.roundup.search.indexing.ReviewDocument.ProductSummary;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Applies an article event to the review index: the published content in full, any other state as a tombstone. */
@Component
class ArticleIndexer {

    private static final Logger log = LoggerFactory.getLogger(ArticleIndexer.class);
    private static final int MAX_PRODUCT_RECHECKS = 3;
    static final String REMOVED = "REMOVED";

    private final SearchIndices indices;
    private final IndexedProducts products;
    private final ReviewWriter writer;

    ArticleIndexer(SearchIndices indices, IndexedProducts products, ReviewWriter writer) {
        this.indices = indices;
        this.products = products;
        this.writer = writer;
    }

    void apply(ArticleEvent event) {
        if (event.articleId() == null || event.articleId().isBlank()) {
            throw new EventCodec.UnreadableEvent("article event without articleId");
        }
        indices.ensureCreated();
        switch (event) {
            case ArticleChanged changed when changed.status() == ArticleStatus.PUBLISHED && changed.published() != null ->
                    indexPublished(changed);
            case ArticleChanged changed -> indexTombstone(ReviewDocuments.tombstone(changed.articleId(), changed.revision(),
                    changed.status() == null ? ArticleStatus.DRAFT.name() : changed.status().name(), changed.slug()));
            case ArticleRemoved removed -> indexTombstone(
                    ReviewDocuments.tombstone(removed.articleId(), removed.revision(), REMOVED, null));
        }
    }

    private void indexPublished(ArticleChanged event) {
        List<String> ids = ReviewDocuments.productIds(event.published());
        List<ProductSummary> known = products.summaries(ids);
        ReviewDocument review = ReviewDocuments.published(event, known);
        if (!writer.write(review)) {
            log.debug("Article {} revision {} is older than the indexed one; ignored", event.articleId(), event.revision());
            return;
        }
        // A product event handled on the other consumer while we were reading may have missed this review (it was not
        // searchable yet); looking again after the write closes that gap: either we see the new product here, or the
        // product consumer's search sees our write.
        for (int i = 0; i < MAX_PRODUCT_RECHECKS; i++) {
            List<ProductSummary> again = products.summaries(ids);
            if (again.equals(known)) {
                break;
            }
            known = again;
            writer.write(review.withProducts(known));
        }
        log.info("Indexed article {} revision {} (PUBLISHED, {} of {} products known)", event.articleId(),
                event.revision(), known.size(), ids.size());
    }

    private void indexTombstone(ReviewDocument tombstone) {
        if (writer.write(tombstone)) {
            log.info("Indexed article {} revision {} ({}): out of search", tombstone.id(), tombstone.revision(),
                    tombstone.status());
        }
        else {
            log.debug("Article {} revision {} is older than the indexed one; ignored", tombstone.id(), tombstone.revision());
        }
    }
}
