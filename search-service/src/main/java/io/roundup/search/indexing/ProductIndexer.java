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
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Applies a product event: the product index first (at the product's revision), then every review that lists the
 * product is rebuilt from its stored source with fresh product data. This Elasticsearch has neither scripts nor
 * update-by-query, so the rebuild reads the reviews and writes them back in bulk at their own revisions.
 */
@Component
class ProductIndexer {

    private static final Logger log = LoggerFactory.getLogger(ProductIndexer.class);
    private static final int PAGE = 200;

    private final ElasticsearchClient client;
    private final SearchIndices indices;
    private final IndexedProducts products;
    private final ReviewWriter writer;

    ProductIndexer(ElasticsearchClient client, SearchIndices indices, IndexedProducts products, ReviewWriter writer) {
        this.client = client;
        this.indices = indices;
        this.products = products;
        this.writer = writer;
    }

    void apply(ProductEvent event) {
        if (event.productId() == null || event.productId().isBlank()) {
            throw new EventCodec.UnreadableEvent("product event without productId");
        }
        indices.ensureCreated();
        ProductDocument product = switch (event) {
            case ProductChanged changed -> ReviewDocuments.product(changed);
            case ProductRemoved removed -> ReviewDocuments.removed(removed);
        };
        if (!writer.write(product)) {
            log.debug("Product {} revision {} is older than the indexed one; ignored", product.id(), product.revision());
            return;
        }
        int reviews = refreshReviewsListing(product.id());
        log.info("Indexed product {} revision {} ({}); {} reviews refreshed", product.id(), product.revision(),
                product.status(), reviews);
    }

    private int refreshReviewsListing(String productId) {
        int refreshed = 0;
        try {
            // Reviews written in the last second are not searchable yet; a refresh makes sure none is missed.
            client.indices().refresh(r -> r.index(SearchIndices.REVIEWS));
            List<FieldValue> after = null;
            while (true) {
                List<FieldValue> from = after;
                SearchResponse<ReviewDocument> page = client.search(s -> {
                    s.index(SearchIndices.REVIEWS)
                            .query(q -> q.bool(b -> b
                                    .filter(f -> f.term(t -> t.field("productIds").value(productId)))
                                    .filter(f -> f.term(t -> t.field("status").value(ReviewDocument.PUBLISHED)))))
                            .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc)))
                            .size(PAGE);
                    if (from != null) {
                        s.searchAfter(from);
                    }
                    return s;
                }, ReviewDocument.class);
                List<Hit<ReviewDocument>> hits = page.hits().hits();
                if (hits.isEmpty()) {
                    return refreshed;
                }
                List<ReviewDocument> reviews = hits.stream().map(Hit::source).filter(Objects::nonNull).toList();
                writer.writeAll(withFreshProducts(reviews));
                refreshed += reviews.size();
                if (hits.size() < PAGE) {
                    return refreshed;
                }
                after = hits.getLast().sort();
            }
        }
        catch (ElasticsearchException ex) {
            throw Writes.classify("the reviews listing product " + productId, ex);
        }
        catch (IOException ex) {
            throw Writes.unreachable(ex);
        }
    }

    private List<ReviewDocument> withFreshProducts(List<ReviewDocument> reviews) {
        Set<String> ids = new LinkedHashSet<>();
        reviews.forEach(review -> ids.addAll(review.productIds() == null ? List.of() : review.productIds()));
        Map<String, ProductSummary> known = products.lookup(ids);
        List<ReviewDocument> rebuilt = new ArrayList<>(reviews.size());
        for (ReviewDocument review : reviews) {
            List<ProductSummary> fresh = review.productIds() == null ? List.of()
                    : review.productIds().stream().map(known::get).filter(Objects::nonNull).toList();
            rebuilt.add(review.withProducts(fresh));
        }
        return rebuilt;
    }
}
