package io.roundup.product.usage;

import io.roundup.events.ArticleChanged;
import io.roundup.events.ArticleContent;
import io.roundup.events.ArticleEvent;
import io.roundup.events.ArticleRemoved;
import io.roundup.events.ArticleStatus;
import io.roundup.product.ProductUsage;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The usage view, in this service's own MongoDB: one line per article, written only by newer revisions, so duplicate
 * and late events change nothing and an unpublished article never counts again because an old event came late.
 */
@Component
class ArticleUsages implements ProductUsage {

    private static final Logger log = LoggerFactory.getLogger(ArticleUsages.class);

    private final MongoOperations mongo;

    ArticleUsages(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /** Applies an article event unless the view already holds that revision or a newer one. */
    void apply(ArticleEvent event) {
        ArticleUsage next = switch (event) {
            case ArticleChanged changed -> usage(changed);
            case ArticleRemoved removed ->
                new ArticleUsage(removed.articleId(), removed.revision(), false, null, null, List.of());
        };
        Query olderOrAbsent =
                Query.query(Criteria.where("_id").is(next.id()).and("revision").lt(next.revision()));
        Update update = new Update()
                .set("revision", next.revision())
                .set("published", next.published())
                .set("title", next.title())
                .set("slug", next.slug())
                .set("productIds", next.productIds());
        try {
            mongo.upsert(olderOrAbsent, update, ArticleUsage.class, ArticleUsage.COLLECTION);
            log.info(
                    "Usage view: article {} at revision {} ({} products, {})",
                    next.id(),
                    next.revision(),
                    next.productIds().size(),
                    next.published() ? "published" : "not published");
        } catch (DuplicateKeyException ex) {
            // the view holds this revision or a newer one: the event is a duplicate or came late
            log.debug("Usage view: article {} revision {} is not newer than what is known", next.id(), next.revision());
        }
    }

    @Override
    public List<UsingArticle> publishedArticlesUsing(String productId) {
        Query query = Query.query(
                        Criteria.where("published").is(true).and("productIds").is(productId))
                .with(Sort.by("_id"));
        return mongo.find(query, ArticleUsage.class, ArticleUsage.COLLECTION).stream()
                .map(usage -> new UsingArticle(usage.id(), usage.title(), usage.slug()))
                .toList();
    }

    private static ArticleUsage usage(ArticleChanged changed) {
        ArticleContent content = changed.published();
        boolean published = changed.status() == ArticleStatus.PUBLISHED && content != null;
        List<String> productIds = published
                ? content.entries().stream()
                        .map(ArticleContent.Entry::productId)
                        .distinct()
                        .toList()
                : List.of();
        return new ArticleUsage(
                changed.articleId(),
                changed.revision(),
                published,
                published ? content.title() : null,
                changed.slug(),
                productIds);
    }
}
