package io.roundup.product;

import io.roundup.support.outbox.StateRelay;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.stereotype.Component;

/** Creates the catalog's indexes at start-up; creating an index that exists is a no-op, so every copy may do it. */
@Component
class ProductIndexes implements InitializingBean {

    private final MongoOperations mongo;

    ProductIndexes(MongoOperations mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        IndexOperations indexes = mongo.indexOps(Product.class);
        indexes.createIndex(new Index()
                .on("sortName", Direction.ASC)
                .on("_id", Direction.ASC)
                .named("by_name"));
        indexes.createIndex(new Index().on("searchKeys", Direction.ASC).named("by_name_prefix"));
        indexes.createIndex(new Index()
                .on("details.kind", Direction.ASC)
                .on("sortName", Direction.ASC)
                .named("by_kind_and_name"));
        indexes.createIndex(new Index().on(StateRelay.PENDING, Direction.ASC).named("pending_announcement"));
    }
}
