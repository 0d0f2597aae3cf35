package io.roundup.article.search;

import io.roundup.events.ArticleIndexed;
import io.roundup.events.SearchEvent;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The view of what search shows, in this service's own MongoDB: one line per article, written only by a higher
 * revision, so duplicates, redeliveries and late announcements change nothing. Every copy of the service reads the
 * same lines, whichever copy's consumer wrote them.
 */
@Component
class IndexedArticles {

    private static final Logger log = LoggerFactory.getLogger(IndexedArticles.class);

    private final MongoOperations mongo;

    IndexedArticles(MongoOperations mongo) {
        this.mongo = mongo;
    }

    void apply(SearchEvent event) {
        switch (event) {
            case ArticleIndexed indexed -> apply(indexed);
        }
    }

    private void apply(ArticleIndexed event) {
        if (event.articleId() == null || event.articleId().isBlank()) {
            log.warn("Skipped a search announcement without an article id");
            return;
        }
        Query olderOrAbsent = Query.query(
                Criteria.where("_id").is(event.articleId()).and("revision").lt(event.revision()));
        Update update = new Update()
                .set("revision", event.revision())
                .set("listed", event.listed())
                .set("indexedAt", event.indexedAt());
        try {
            mongo.upsert(olderOrAbsent, update, IndexedArticle.class, IndexedArticle.COLLECTION);
            log.debug(
                    "Search shows article {} at revision {} ({})",
                    event.articleId(),
                    event.revision(),
                    event.listed() ? "listed" : "gone");
        } catch (DuplicateKeyException ex) {
            // the view holds this revision or a newer one: a redelivery or a late announcement
            log.debug("Search view: article {} revision {} is not newer", event.articleId(), event.revision());
        }
    }

    Optional<IndexedArticle> find(String articleId) {
        return Optional.ofNullable(mongo.findById(articleId, IndexedArticle.class, IndexedArticle.COLLECTION));
    }

    /** The lines of these articles, by id (articles search never announced are left out). */
    Map<String, IndexedArticle> find(Collection<String> articleIds) {
        Map<String, IndexedArticle> found = new HashMap<>();
        if (articleIds.isEmpty()) {
            return found;
        }
        mongo.find(
                        Query.query(Criteria.where("_id").in(new LinkedHashSet<>(articleIds))),
                        IndexedArticle.class,
                        IndexedArticle.COLLECTION)
                .forEach(line -> found.put(line.id(), line));
        return found;
    }
}
