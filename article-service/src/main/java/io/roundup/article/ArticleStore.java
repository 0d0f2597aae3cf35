package io.roundup.article;

import io.roundup.support.paging.ResultPage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * MongoDB access for articles. Every change is one conditional single-document write ({@code _id} and the revision
 * the change was computed from), so two writers can never both win and nothing needs a transaction.
 */
@Component
class ArticleStore implements InitializingBean {

    private static final Pattern REGEX_META = Pattern.compile("[\\\\^$.|?*+()\\[\\]{}-]");

    private final MongoOperations mongo;

    ArticleStore(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /** Idempotent: creating an index that exists is a no-op. */
    @Override
    public void afterPropertiesSet() {
        var articles = mongo.indexOps(Article.COLLECTION);
        articles.createIndex(new Index().on("slug", Sort.Direction.ASC).unique().named("slug_unique"));
        articles.createIndex(new Index().on("slugHistory", Sort.Direction.ASC).named("slug_history"));
        articles.createIndex(
                new Index().on("announcePending", Sort.Direction.ASC).named("announce_pending"));
        articles.createIndex(new Index().on("scheduledAt", Sort.Direction.ASC).named("scheduled_at"));
        articles.createIndex(new Index()
                .on("status", Sort.Direction.ASC)
                .on("publishedAt", Sort.Direction.DESC)
                .named("status_published_at"));
        mongo.indexOps(ArticleRevision.COLLECTION)
                .createIndex(new Index()
                        .on("articleId", Sort.Direction.ASC)
                        .on("revision", Sort.Direction.DESC)
                        .named("article_revision"));
    }

    /** Throws {@link org.springframework.dao.DuplicateKeyException} when the slug is taken. */
    Article insert(Article article) {
        return mongo.insert(article, Article.COLLECTION);
    }

    /** The article unless it is unknown, malformed or deleted. */
    Optional<Article> find(String id) {
        if (id == null || !ObjectId.isValid(id)) {
            return Optional.empty();
        }
        return Optional.ofNullable(mongo.findOne(
                Query.query(Criteria.where("_id")
                        .is(new ObjectId(id))
                        .and("deleted")
                        .is(false)),
                Article.class,
                Article.COLLECTION));
    }

    /** The article even when deleted (its tombstone); empty when unknown or malformed. */
    Optional<Article> findEvenDeleted(String id) {
        if (id == null || !ObjectId.isValid(id)) {
            return Optional.empty();
        }
        return Optional.ofNullable(mongo.findById(new ObjectId(id), Article.class, Article.COLLECTION));
    }

    /** By current slug first, then by a former one. */
    Optional<Article> findBySlug(String slug) {
        Article current = mongo.findOne(
                Query.query(Criteria.where("slug").is(slug).and("deleted").is(false)),
                Article.class,
                Article.COLLECTION);
        if (current != null) {
            return Optional.of(current);
        }
        return Optional.ofNullable(mongo.findOne(
                Query.query(Criteria.where("slugHistory")
                                .is(slug)
                                .and("deleted")
                                .is(false))
                        .with(Sort.by(Sort.Direction.DESC, "updatedAt")),
                Article.class,
                Article.COLLECTION));
    }

    /**
     * Stores {@code next} only if the stored article is still at {@code expectedRevision}; empty when another write
     * came first. Throws {@link org.springframework.dao.DuplicateKeyException} when a new slug is taken.
     */
    Optional<Article> replace(long expectedRevision, Article next) {
        Query unchanged = Query.query(Criteria.where("_id")
                .is(new ObjectId(next.id()))
                .and("revision")
                .is(expectedRevision)
                .and("deleted")
                .is(false));
        return Optional.ofNullable(mongo.findAndReplace(
                unchanged, next, FindAndReplaceOptions.options().returnNew(), Article.class, Article.COLLECTION));
    }

    /** Slugs in use that are {@code base} or {@code base-<n>}, tombstones included. */
    Set<String> slugsLike(String base) {
        Query query = Query.query(Criteria.where("slug").regex("^" + literal(base) + "(-[0-9]+)?$"));
        query.fields().include("slug");
        return new HashSet<>(mongo.find(query, Document.class, Article.COLLECTION).stream()
                .map(d -> d.getString("slug"))
                .toList());
    }

    boolean slugInUse(String slug, String exceptId) {
        Criteria taken = Criteria.where("slug").is(slug);
        if (exceptId != null) {
            taken = taken.and("_id").ne(new ObjectId(exceptId));
        }
        return mongo.exists(Query.query(taken), Article.COLLECTION);
    }

    ResultPage<Article> list(ArticleQuery query) {
        String prefix = query.editor() ? "content." : "published.";
        Criteria criteria = Criteria.where("deleted").is(false);
        Status status = query.editor() ? query.status() : Status.PUBLISHED;
        if (status != null) {
            criteria = criteria.and("status").is(status);
        }
        if (!query.editor()) {
            criteria = criteria.and("published").ne(null);
        }
        if (query.category() != null) {
            criteria = criteria.and(prefix + "category").regex(exactly(query.category()), "i");
        }
        if (query.author() != null) {
            criteria = criteria.and(prefix + "author.name").regex(exactly(query.author()), "i");
        }
        if (query.tag() != null) {
            criteria = criteria.and(prefix + "tags").regex(exactly(query.tag()), "i");
        }
        if (!query.words().isEmpty()) {
            List<String> fields = Stream.of("title", "summary", "category", "author.name", "tags")
                    .map(field -> prefix + field)
                    .collect(Collectors.toCollection(ArrayList::new));
            if (query.editor()) {
                fields.add("slug"); // the working slug; readers find a roundup by its published words
            }
            criteria = criteria.andOperator(query.words().stream()
                    .map(word -> new Criteria()
                            .orOperator(fields.stream()
                                    .map(field -> Criteria.where(field).regex(literal(word), "i"))
                                    .toList()))
                    .toList());
        }
        Query find = Query.query(criteria);
        long total = mongo.count(find, Article.COLLECTION);
        find.with(order(status)).skip((long) query.page() * query.size()).limit(query.size());
        return new ResultPage<>(mongo.find(find, Article.class, Article.COLLECTION), query.page(), query.size(), total);
    }

    /** Published newest first, scheduled soonest first, anything else most recently edited first. */
    private static Sort order(Status status) {
        Sort sort = switch (status) {
            case PUBLISHED -> Sort.by(Sort.Direction.DESC, "publishedAt");
            case SCHEDULED -> Sort.by(Sort.Direction.ASC, "scheduledAt");
            case null, default -> Sort.by(Sort.Direction.DESC, "updatedAt");
        };
        return sort.and(Sort.by(Sort.Direction.DESC, "_id"));
    }

    /** Articles whose scheduled publication is due, oldest due first. */
    List<Article> due(Instant now, int limit) {
        Query query = Query.query(Criteria.where("scheduledAt")
                        .lte(now)
                        .and("deleted")
                        .is(false)
                        .and("status")
                        .in(Status.SCHEDULED, Status.PUBLISHED))
                .with(Sort.by(Sort.Direction.ASC, "scheduledAt"))
                .limit(limit);
        return mongo.find(query, Article.class, Article.COLLECTION);
    }

    void saveRevision(ArticleRevision revision) {
        mongo.save(revision, ArticleRevision.COLLECTION);
    }

    /** Stores the snapshot unless that revision has one already (whose action it must not overwrite). */
    void saveRevisionIfAbsent(ArticleRevision revision) {
        Update onInsert = new Update()
                .setOnInsert("articleId", revision.articleId())
                .setOnInsert("revision", revision.revision())
                .setOnInsert("savedAt", revision.savedAt())
                .setOnInsert("savedBy", revision.savedBy())
                .setOnInsert("action", revision.action())
                .setOnInsert("content", mongo.getConverter().convertToMongoType(revision.content()));
        mongo.upsert(Query.query(Criteria.where("_id").is(revision.id())), onInsert, ArticleRevision.COLLECTION);
    }

    /** Snapshots newest first, without their content. */
    ResultPage<ArticleRevision> revisions(String articleId, long upTo, int page, int size) {
        Query query = Query.query(
                Criteria.where("articleId").is(articleId).and("revision").lte(upTo));
        long total = mongo.count(query, ArticleRevision.COLLECTION);
        query.with(Sort.by(Sort.Direction.DESC, "revision"))
                .skip((long) page * size)
                .limit(size);
        query.fields().exclude("content");
        return new ResultPage<>(
                mongo.find(query, ArticleRevision.class, ArticleRevision.COLLECTION), page, size, total);
    }

    Optional<ArticleRevision> revision(String articleId, long revision) {
        return Optional.ofNullable(
                mongo.findById(articleId + ":" + revision, ArticleRevision.class, ArticleRevision.COLLECTION));
    }

    private static String exactly(String value) {
        return "^" + literal(value) + "$";
    }

    /** Escapes regex metacharacters one by one: portable to every regex engine a MongoDB server may use. */
    private static String literal(String value) {
        return REGEX_META.matcher(value).replaceAll("\\\\$0");
    }
}
