package io.roundup.search.indexing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.roundup.events.EventCodec;
import io.roundup.events.ProductChanged;
import io.roundup.events.ProductEvent;
import io.roundup.events.ProductRemoved;
import io.roundup.search.indexing.ReviewDocument.ProductSummary;
import io.roundup.search.indexing.ReviewWriter.Write;
import io.roundup.search.indices.Unreachable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Applies a batch of product events: the product index first (at each product's revision, in one bulk), then every
 * review that lists one of the changed products is rebuilt from its stored source with fresh product data. This
 * Elasticsearch has neither scripts nor update-by-query, so the rebuild reads the reviews and writes them back in bulk
 * at their own revisions.
 */
@Component
class ProductIndexer {

    private static final Logger log = LoggerFactory.getLogger(ProductIndexer.class);
    private static final int PAGE = 200;

    private final ElasticsearchClient client;
    private final IndexedProducts products;
    private final ReviewWriter writer;

    ProductIndexer(ElasticsearchClient client, IndexedProducts products, ReviewWriter writer) {
        this.client = client;
        this.products = products;
        this.writer = writer;
    }

    List<Rejected> apply(List<Decoded<ProductEvent>> batch, IndexTarget target) {
        List<Rejected> rejected = new ArrayList<>();
        List<Write> writes = new ArrayList<>();
        for (Decoded<ProductEvent> decoded : batch) {
            String id = decoded.event().productId();
            if (id == null || id.isBlank()) {
                rejected.add(new Rejected(
                        decoded.position(), new EventCodec.UnreadableEvent("product event without productId")));
                continue;
            }
            ProductDocument product = switch (decoded.event()) {
                case ProductChanged changed -> ReviewDocuments.product(changed);
                case ProductRemoved removed -> ReviewDocuments.removed(removed);
            };
            writes.add(new Write(decoded.position(), product.id(), product.revision(), product));
        }
        ReviewWriter.Outcome outcome = writer.write(target.products(), target.live(), writes);
        rejected.addAll(outcome.rejected());

        Set<String> changed = new LinkedHashSet<>();
        writes.stream()
                .filter(write -> outcome.written().contains(write.position()))
                .forEach(write -> changed.add(write.id()));
        Map<String, Integer> refreshed = refreshReviewsListing(changed, target);

        for (Decoded<ProductEvent> decoded : batch) {
            ProductEvent event = decoded.event();
            if (outcome.written().contains(decoded.position())) {
                // one line per product, under the request that changed it, so a price change can be followed to here
                decoded.withRequestId(() -> log.info(
                        "Indexed product {} revision {} ({}); {} reviews refreshed",
                        event.productId(),
                        event.revision(),
                        event instanceof ProductRemoved ? ProductDocument.REMOVED : ProductDocument.ACTIVE,
                        refreshed.getOrDefault(event.productId(), 0)));
            } else if (outcome.stale().contains(decoded.position())) {
                decoded.withRequestId(() -> log.debug(
                        "Product {} revision {} is older than the indexed one; ignored",
                        event.productId(),
                        event.revision()));
            }
        }
        return rejected;
    }

    /** Rewrites the published reviews that list any of these products; answers how many were rewritten per product. */
    private Map<String, Integer> refreshReviewsListing(Set<String> productIds, IndexTarget target) {
        Map<String, Integer> refreshed = new HashMap<>();
        if (productIds.isEmpty()) {
            return refreshed;
        }
        List<FieldValue> ids = productIds.stream().map(FieldValue::of).toList();
        try {
            // Reviews written in the last second are not searchable yet; a refresh makes sure none is missed.
            client.indices().refresh(r -> r.index(target.reviews()));
            List<FieldValue> after = null;
            while (true) {
                List<FieldValue> from = after;
                SearchResponse<ReviewDocument> page = client.search(
                        s -> {
                            s.index(target.reviews())
                                    .query(q -> q.bool(b -> b.filter(f -> f.terms(
                                                    t -> t.field("productIds").terms(v -> v.value(ids))))
                                            .filter(f -> f.term(
                                                    t -> t.field("status").value(ReviewDocument.PUBLISHED)))))
                                    .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc)))
                                    .size(PAGE);
                            if (from != null) {
                                s.searchAfter(from);
                            }
                            return s;
                        },
                        ReviewDocument.class);
                List<Hit<ReviewDocument>> hits = page.hits().hits();
                if (hits.isEmpty()) {
                    return refreshed;
                }
                List<ReviewDocument> reviews =
                        hits.stream().map(Hit::source).filter(Objects::nonNull).toList();
                ReviewWriter.Outcome outcome =
                        writer.write(target.reviews(), target.live(), withFreshProducts(reviews, target));
                outcome.rejected()
                        .forEach(refused -> log.error(
                                "Could not refresh the products of a review: {}",
                                refused.reason().getMessage()));
                for (ReviewDocument review : reviews) {
                    if (review.productIds() != null) {
                        review.productIds().stream()
                                .filter(productIds::contains)
                                .distinct()
                                .forEach(id -> refreshed.merge(id, 1, Integer::sum));
                    }
                }
                if (hits.size() < PAGE) {
                    return refreshed;
                }
                after = hits.getLast().sort();
            }
        } catch (ElasticsearchException ex) {
            throw new IllegalStateException(
                    "Could not refresh the reviews listing products " + productIds + " (" + ex.getMessage()
                            + "); will retry",
                    ex);
        } catch (IOException ex) {
            throw Unreachable.elasticsearch(ex);
        }
    }

    /** The reviews again with fresh product data; the positions are the reviews' own, used only to read the outcome. */
    private List<Write> withFreshProducts(List<ReviewDocument> reviews, IndexTarget target) {
        Set<String> ids = new LinkedHashSet<>();
        reviews.forEach(review -> ids.addAll(review.productIds() == null ? List.of() : review.productIds()));
        Map<String, ProductSummary> known = products.lookup(target.products(), ids);
        List<Write> rebuilt = new ArrayList<>(reviews.size());
        for (int i = 0; i < reviews.size(); i++) {
            ReviewDocument review = reviews.get(i);
            List<ProductSummary> fresh =
                    review.productIds() == null ? List.of() : IndexedProducts.summaries(review.productIds(), known);
            rebuilt.add(new Write(i, review.id(), review.revision(), review.withProducts(fresh)));
        }
        return rebuilt;
    }
}
