package io.roundup.product;

import io.roundup.support.outbox.StateRelay;
import io.roundup.support.revision.ExpectedRevision;
import io.roundup.support.web.RequestIds;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Reads and writes products. Every write is one conditional single-document update that also raises the revision and
 * marks it for announcement, so a refused write (stale revision, unknown id) changes and announces nothing, and a
 * saved one is announced even if this process dies right after saving.
 */
@Service
public class ProductCatalog {

    private static final Logger log = LoggerFactory.getLogger(ProductCatalog.class);

    private final MongoOperations mongo;
    private final StateRelay<Product> relay;
    private final ProductUsage usage;

    public ProductCatalog(MongoOperations mongo, StateRelay<Product> relay, ProductUsage usage) {
        this.mongo = mongo;
        this.relay = relay;
        this.usage = usage;
    }

    public Product create(ProductDetails details) {
        Instant now = now();
        Product product = new Product(
                new ObjectId().toHexString(),
                1,
                details,
                now,
                now,
                false,
                SearchKeys.normalize(details.name()),
                SearchKeys.of(details.name()),
                requestId(),
                true,
                0);
        mongo.insert(product);
        log.info("Created product {} '{}'", product.id(), details.name());
        relay.announceSoon();
        return product;
    }

    public Product get(String id) {
        Product product = ObjectId.isValid(id) ? mongo.findOne(live(id), Product.class) : null;
        if (product == null) {
            throw new ProductNotFound(id);
        }
        return product;
    }

    /**
     * Live products sorted by name. {@code text}, when given, matches the start of the name or of any word in it,
     * ignoring case and accents; {@code kind}, when given, must match exactly.
     */
    public Page<Product> list(String text, String kind, int page, int size) {
        Criteria criteria = Criteria.where("deleted").is(false);
        if (kind != null && !kind.isBlank()) {
            criteria = criteria.and("details.kind").is(kind.strip().toLowerCase(Locale.ROOT));
        }
        if (text != null && !SearchKeys.normalize(text).isEmpty()) {
            criteria = criteria.and("searchKeys").regex(SearchKeys.prefixRegex(text));
        }
        PageRequest pageRequest = PageRequest.of(page, size, Sort.by("sortName", "_id"));
        List<Product> items = mongo.find(new Query(criteria).with(pageRequest), Product.class);
        long total = mongo.count(new Query(criteria), Product.class);
        return new PageImpl<>(items, pageRequest, total);
    }

    public Product replace(String id, ExpectedRevision expected, ProductDetails details) {
        Update update = new Update()
                .set("details", details)
                .set("sortName", SearchKeys.normalize(details.name()))
                .set("searchKeys", SearchKeys.of(details.name()));
        Product product = write(id, expected, update);
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
        Product product = write(id, expected, new Update().set("deleted", true));
        log.info("Deleted product {} at revision {}", id, product.revision());
        return product;
    }

    private Product write(String id, ExpectedRevision expected, Update update) {
        if (!ObjectId.isValid(id)) {
            throw new ProductNotFound(id);
        }
        Query query = live(id);
        if (!expected.isAny()) {
            query.addCriteria(Criteria.where("revision").in(expected.revisions()));
        }
        update.inc("revision", 1)
                .set("updatedAt", now())
                .set("lastRequestId", requestId())
                .set(StateRelay.PENDING, true);
        Product saved = mongo.findAndModify(
                query, update, FindAndModifyOptions.options().returnNew(true), Product.class);
        if (saved == null) {
            throw refusal(id);
        }
        relay.announceSoon();
        return saved;
    }

    private RuntimeException refusal(String id) {
        Product current = mongo.findOne(live(id), Product.class);
        return current == null ? new ProductNotFound(id) : new RevisionMismatch(id, current.revision());
    }

    private static Query live(String id) {
        return Query.query(
                Criteria.where("_id").is(new ObjectId(id)).and("deleted").is(false));
    }

    /** Milliseconds: what MongoDB stores, so the response to a write shows the same time a later read will. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String requestId() {
        return RequestIds.current().orElse(null);
    }
}
