package io.roundup.search.indexing;

import io.roundup.events.ArticleChanged;
import io.roundup.events.ArticleEvent;
import io.roundup.events.ArticleRemoved;
import io.roundup.events.ArticleStatus;
import io.roundup.events.EventCodec;
import io.roundup.search.indexed.Indexed;
import io.roundup.search.indexed.IndexedAnnouncements;
import io.roundup.search.indexing.ReviewDocument.ProductSummary;
import io.roundup.search.indexing.ReviewWriter.Write;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Applies a batch of article events to a review index in one bulk: the published content in full, enriched with the
 * products it lists, and any other state as a tombstone.
 */
@Component
class ArticleIndexer {

    private static final Logger log = LoggerFactory.getLogger(ArticleIndexer.class);
    private static final int MAX_PRODUCT_RECHECKS = 3;
    static final String REMOVED = "REMOVED";

    private final IndexedProducts products;
    private final ReviewWriter writer;
    private final IndexedAnnouncements announcements;

    ArticleIndexer(IndexedProducts products, ReviewWriter writer, IndexedAnnouncements announcements) {
        this.products = products;
        this.writer = writer;
        this.announcements = announcements;
    }

    List<Rejected> apply(List<Decoded<ArticleEvent>> batch, IndexTarget target) {
        List<Rejected> rejected = new ArrayList<>();
        List<Decoded<ArticleEvent>> valid = new ArrayList<>();
        for (Decoded<ArticleEvent> decoded : batch) {
            String id = decoded.event().articleId();
            if (id == null || id.isBlank()) {
                rejected.add(new Rejected(
                        decoded.position(), new EventCodec.UnreadableEvent("article event without articleId")));
            } else {
                valid.add(decoded);
            }
        }
        Set<String> listed = new LinkedHashSet<>();
        valid.forEach(decoded -> {
            if (decoded.event() instanceof ArticleChanged changed && isPublished(changed)) {
                listed.addAll(ReviewDocuments.productIds(changed.published()));
            }
        });
        Map<String, ProductSummary> known = products.lookup(target.products(), listed);

        List<Write> writes = new ArrayList<>(valid.size());
        for (Decoded<ArticleEvent> decoded : valid) {
            ReviewDocument review = document(decoded.event(), known);
            writes.add(new Write(decoded.position(), review.id(), review.revision(), review));
        }
        ReviewWriter.Outcome outcome = writer.write(target.reviews(), target.live(), writes);
        rejected.addAll(outcome.rejected());
        recheckProducts(writes, outcome, target);

        for (Decoded<ArticleEvent> decoded : valid) {
            decoded.withRequestId(() -> logOutcome(decoded, outcome));
        }
        if (target.live()) {
            announcements.written(written(valid, writes, outcome));
        }
        return rejected;
    }

    /**
     * What readers will see once the index refreshes: every document this bulk wrote (also again, on a redelivery).
     * One the index refused as older than its own says nothing new: the newer one was announced when it was written.
     */
    private static List<Indexed> written(
            List<Decoded<ArticleEvent>> valid, List<Write> writes, ReviewWriter.Outcome outcome) {
        List<Indexed> written = new ArrayList<>();
        for (int i = 0; i < writes.size(); i++) {
            Write write = writes.get(i);
            if (outcome.written().contains(write.position())) {
                ReviewDocument review = review(write);
                written.add(new Indexed(
                        review.id(),
                        review.revision(),
                        review.isPublished(),
                        valid.get(i).requestId()));
            }
        }
        return written;
    }

    private static boolean isPublished(ArticleChanged changed) {
        return changed.status() == ArticleStatus.PUBLISHED && changed.published() != null;
    }

    static ReviewDocument document(ArticleEvent event, Map<String, ProductSummary> known) {
        return switch (event) {
            case ArticleChanged changed
            when isPublished(changed) ->
                ReviewDocuments.published(
                        changed, IndexedProducts.summaries(ReviewDocuments.productIds(changed.published()), known));
            case ArticleChanged changed ->
                ReviewDocuments.tombstone(
                        changed.articleId(),
                        changed.revision(),
                        changed.status() == null
                                ? ArticleStatus.DRAFT.name()
                                : changed.status().name(),
                        changed.slug());
            case ArticleRemoved removed ->
                ReviewDocuments.tombstone(removed.articleId(), removed.revision(), REMOVED, null);
        };
    }

    /**
     * A product event handled on the other consumer while this batch was being built may have missed these reviews
     * (they were not searchable yet); looking again after the write closes that gap: either the new product is seen
     * here, or the product consumer's search sees this write.
     */
    private void recheckProducts(List<Write> writes, ReviewWriter.Outcome outcome, IndexTarget target) {
        List<Write> listing = writes.stream()
                .filter(write -> outcome.written().contains(write.position()))
                .filter(write -> review(write).isPublished()
                        && !review(write).productIds().isEmpty())
                .toList();
        for (int i = 0; i < MAX_PRODUCT_RECHECKS && !listing.isEmpty(); i++) {
            Set<String> ids = new LinkedHashSet<>();
            listing.forEach(write -> ids.addAll(review(write).productIds()));
            Map<String, ProductSummary> now = products.lookup(target.products(), ids);
            List<Write> changed = new ArrayList<>();
            for (Write write : listing) {
                ReviewDocument review = review(write);
                List<ProductSummary> fresh = IndexedProducts.summaries(review.productIds(), now);
                if (!fresh.equals(review.products())) {
                    changed.add(
                            new Write(write.position(), review.id(), review.revision(), review.withProducts(fresh)));
                }
            }
            if (changed.isEmpty()) {
                return;
            }
            writer.write(target.reviews(), target.live(), changed);
            listing = changed;
        }
    }

    private static ReviewDocument review(Write write) {
        return (ReviewDocument) write.document();
    }

    private static void logOutcome(Decoded<ArticleEvent> decoded, ReviewWriter.Outcome outcome) {
        ArticleEvent event = decoded.event();
        if (outcome.stale().contains(decoded.position())) {
            log.debug(
                    "Article {} revision {} is older than the indexed one; ignored",
                    event.articleId(),
                    event.revision());
        } else if (outcome.written().contains(decoded.position())) {
            String state =
                    event instanceof ArticleChanged changed && isPublished(changed) ? "PUBLISHED" : "out of search";
            log.info("Indexed article {} revision {} ({})", event.articleId(), event.revision(), state);
        }
    }
}
