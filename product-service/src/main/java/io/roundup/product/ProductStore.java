package io.roundup.product;

import io.roundup.support.outbox.StateRelay;
import io.roundup.support.paging.ResultPage;
import io.roundup.support.revision.ExpectedRevision;
import java.util.Locale;
import java.util.Optional;
import org.bson.types.ObjectId;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * MongoDB access for products. Every change is one conditional single-document update ({@code _id}, not deleted, and
 * the revision the caller expects) that also raises the revision and marks it for announcement, so a refused write
 * changes and announces nothing, a saved one is announced even if the process dies right after, and nothing needs a
 * transaction.
 */
@Component
class ProductStore implements InitializingBean {

    private final MongoOperations mongo;

    ProductStore(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /** Idempotent: creating an index that exists is a no-op, so every copy of the service may do it. */
    @Override
    public void afterPropertiesSet() {
        IndexOperations indexes = mongo.indexOps(Product.COLLECTION);
        indexes.createIndex(new Index()
                .on("sortName", Sort.Direction.ASC)
                .on("_id", Sort.Direction.ASC)
                .named("by_name"));
        indexes.createIndex(new Index().on("searchKeys", Sort.Direction.ASC).named("by_name_prefix"));
        indexes.createIndex(new Index()
                .on("details.kind", Sort.Direction.ASC)
                .on("sortName", Sort.Direction.ASC)
                .named("by_kind_and_name"));
        indexes.createIndex(
                new Index().on(StateRelay.PENDING, Sort.Direction.ASC).named("pending_announcement"));
    }

    Product insert(Product product) {
        return mongo.insert(product, Product.COLLECTION);
    }

    /** The product unless it is unknown, deleted, or its id is not one this catalog could have issued. */
    Optional<Product> find(String id) {
        if (id == null || !ObjectId.isValid(id)) {
            return Optional.empty();
        }
        return Optional.ofNullable(mongo.findOne(live(id), Product.class, Product.COLLECTION));
    }

    ResultPage<Product> list(ProductQuery query) {
        Criteria criteria = Criteria.where("deleted").is(false);
        if (query.kind() != null && !query.kind().isBlank()) {
            criteria = criteria.and("details.kind").is(query.kind().strip().toLowerCase(Locale.ROOT));
        }
        if (query.text() != null && !SearchKeys.normalize(query.text()).isEmpty()) {
            criteria = criteria.and("searchKeys").regex(SearchKeys.prefixRegex(query.text()));
        }
        Query find = Query.query(criteria);
        long total = mongo.count(find, Product.COLLECTION);
        find.with(Sort.by("sortName", "_id"))
                .skip((long) query.page() * query.size())
                .limit(query.size());
        return new ResultPage<>(mongo.find(find, Product.class, Product.COLLECTION), query.page(), query.size(), total);
    }

    /** Swaps the details; empty when the product is gone or not at an expected revision. */
    Optional<Product> replaceDetails(
            String id, ExpectedRevision expected, ProductDetails details, Product.Change change) {
        Update update = new Update()
                .set("details", details)
                .set("sortName", SearchKeys.normalize(details.name()))
                .set("searchKeys", SearchKeys.of(details.name()));
        return write(id, expected, update, change);
    }

    /** Leaves a tombstone; empty when the product is gone or not at an expected revision. */
    Optional<Product> markDeleted(String id, ExpectedRevision expected, Product.Change change) {
        return write(id, expected, new Update().set("deleted", true), change);
    }

    private Optional<Product> write(String id, ExpectedRevision expected, Update update, Product.Change change) {
        if (id == null || !ObjectId.isValid(id)) {
            return Optional.empty();
        }
        Query query = live(id);
        if (!expected.isAny()) {
            query.addCriteria(Criteria.where("revision").in(expected.revisions()));
        }
        update.inc("revision", 1)
                .set("updatedAt", change.at())
                .set("lastRequestId", change.requestId())
                .set("lastTraceparent", change.traceparent())
                .set(StateRelay.PENDING, true);
        return Optional.ofNullable(mongo.findAndModify(
                query, update, FindAndModifyOptions.options().returnNew(true), Product.class, Product.COLLECTION));
    }

    private static Query live(String id) {
        return Query.query(
                Criteria.where("_id").is(new ObjectId(id)).and("deleted").is(false));
    }
}
