package io.roundup.product;

import io.roundup.support.outbox.StateRelay;
import io.roundup.support.paging.ResultPage;
import io.roundup.support.revision.ExpectedRevision;
import io.roundup.support.tracing.TraceParents;
import io.roundup.support.web.RequestIds;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The catalog: create, read, replace and delete products. Each change is one conditional write of the product,
 * followed by a nudge to the relay that announces it. Callers pass the revisions their change may be based on
 * ({@link ExpectedRevision#any()} means "whatever is current").
 */
@Service
public class Products {

    private static final Logger log = LoggerFactory.getLogger(Products.class);

    private final ProductStore store;
    private final StateRelay<Product> relay;
    private final ProductUsage usage;
    private final Clock clock;

    Products(ProductStore store, StateRelay<Product> relay, ProductUsage usage, Clock clock) {
        this.store = store;
        this.relay = relay;
        this.usage = usage;
        this.clock = clock;
    }

    public Product create(ProductDetails details) {
        Product product = store.insert(Product.created(new ObjectId().toHexString(), details, change()));
        log.info("Created product {} '{}'", product.id(), details.name());
        relay.announceSoon();
        return product;
    }

    public Product get(String id) {
        return store.find(id).orElseThrow(() -> new ProductNotFound(id));
    }

    public ResultPage<Product> list(ProductQuery query) {
        return store.list(query);
    }

    public Product replace(String id, ExpectedRevision expected, ProductDetails details) {
        Product product = saved(id, store.replaceDetails(id, expected, details, change()));
        log.info("Updated product {} to revision {}", id, product.revision());
        return product;
    }

    /**
     * Deletes softly: the tombstone stays, so the relay can announce the removal and no late event revives it. A
     * product that published reviews still rank is kept: readers would be sent to a product that is gone.
     */
    public Product remove(String id, ExpectedRevision expected) {
        get(id);
        List<ProductUsage.UsingArticle> users = usage.publishedArticlesUsing(id);
        if (!users.isEmpty()) {
            throw new ProductInUse(id, users);
        }
        Product product = saved(id, store.markDeleted(id, expected, change()));
        log.info("Deleted product {} at revision {}", id, product.revision());
        return product;
    }

    /** A refused write changed nothing: say whether the product is gone or was at another revision. */
    private Product saved(String id, Optional<Product> saved) {
        if (saved.isEmpty()) {
            throw store.find(id)
                    .<RuntimeException>map(current -> new RevisionMismatch(id, current.revision()))
                    .orElseGet(() -> new ProductNotFound(id));
        }
        relay.announceSoon();
        return saved.get();
    }

    /** Milliseconds: what MongoDB stores, so the response to a write shows the same time a later read will. */
    private Product.Change change() {
        return new Product.Change(
                clock.instant().truncatedTo(ChronoUnit.MILLIS),
                RequestIds.current().orElse(null),
                TraceParents.current().orElse(null));
    }
}
