package io.roundup.article;

import io.roundup.support.outbox.StateRelay;
import io.roundup.support.paging.ResultPage;
import io.roundup.support.revision.ExpectedRevision;
import io.roundup.support.tracing.TraceParents;
import io.roundup.support.web.RequestIds;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * The editorial workflow: create, edit, publish (now or later), unpublish, delete, and go back to an earlier
 * revision. Each step is one conditional write of the whole article, followed by a revision snapshot and a nudge
 * to the relay that announces it. Callers pass the revision their change is based on where they have one
 * ({@code null} means "whatever is current").
 */
@Service
public class Articles {

    private static final Logger log = LoggerFactory.getLogger(Articles.class);
    private static final int ATTEMPTS = 5;
    private static final int SLUG_CANDIDATES = 1000;
    private static final String SCHEDULER = "scheduler";
    /** The action of a snapshot written after the fact: what the save did is not known any more. */
    private static final String RECOVERED = "saved";

    private final ArticleStore store;
    private final StateRelay<Article> relay;
    private final ProductDirectory products;
    private final Clock clock;

    Articles(ArticleStore store, StateRelay<Article> relay, ProductDirectory products, Clock clock) {
        this.store = store;
        this.relay = relay;
        this.products = products;
        this.clock = clock;
    }

    /** A new draft. Without a {@code slug} one is derived from the title, made unique with -2, -3… */
    public Article create(Content input, String slug, String by) {
        Content content = prepare(input, slug);
        Article.Change change = changedBy(by);
        String id = new ObjectId().toHexString();
        Article saved;
        if (slug != null) {
            try {
                saved = store.insert(Article.draft(id, slug, content, change));
            } catch (DuplicateKeyException ex) {
                throw new SlugTaken(slug);
            }
        } else {
            saved = insertWithDerivedSlug(id, content, change);
        }
        afterSave(saved, "created");
        return saved;
    }

    private Article insertWithDerivedSlug(String id, Content content, Article.Change change) {
        String base = Slugs.derive(content.title());
        Set<String> taken = new HashSet<>(store.slugsLike(base));
        for (int n = 1; n <= SLUG_CANDIDATES; n++) {
            String candidate = Slugs.candidate(base, n);
            if (taken.contains(candidate)) {
                continue;
            }
            try {
                return store.insert(Article.draft(id, candidate, content, change));
            } catch (DuplicateKeyException ex) {
                taken.add(candidate);
            }
        }
        throw new SlugTaken(base);
    }

    /** What is wrong with this content and slug, field by field; empty when an article could hold them. */
    public static Map<String, List<String>> problems(Content input, String slug) {
        try {
            prepare(input, slug);
            return Map.of();
        } catch (InvalidArticle ex) {
            return ex.errors();
        }
    }

    /** Any article that is not deleted, whatever its status; callers decide what the requester may see. */
    public Article get(String id) {
        return store.find(id).orElseThrow(ArticleNotFound::new);
    }

    /** Any article, also a deleted one: what must have left search is asked about too. */
    public Article getEvenDeleted(String id) {
        return store.findEvenDeleted(id).orElseThrow(ArticleNotFound::new);
    }

    /** By its current slug, or by one it had before. */
    public Article getBySlug(String slug) {
        return store.findBySlug(slug).orElseThrow(ArticleNotFound::new);
    }

    public ResultPage<Article> list(ArticleQuery query) {
        return store.list(query);
    }

    /** The catalog's card of each product the content's entries rank, by product id (unknown ones left out). */
    public Map<String, ProductCard> productCards(Content content) {
        return content == null
                ? Map.of()
                : products.cards(
                        content.entries().stream().map(Content.Entry::productId).toList());
    }

    /** The author's newest published articles but {@code exceptId}: what an article page shows under the author's bio. */
    public List<Article> latestBy(String authorName, String exceptId, int limit) {
        if (authorName == null || authorName.isBlank()) {
            return List.of();
        }
        return store.list(new ArticleQuery(false, null, null, authorName, null, 0, limit + 1)).items().stream()
                .filter(article -> !article.id().equals(exceptId))
                .limit(limit)
                .toList();
    }

    /** Replaces the working copy; a published article stays live as it was until it is published again. */
    public Article update(String id, ExpectedRevision expected, Content input, String slug, String by) {
        Content content = prepare(input, slug);
        if (slug != null && store.slugInUse(slug, id)) {
            throw new SlugTaken(slug);
        }
        try {
            return apply(id, expected, "updated", article -> article.edit(content, slug, changedBy(by)));
        } catch (DuplicateKeyException ex) {
            throw new SlugTaken(slug);
        }
    }

    /**
     * Publishes the working copy now, or schedules it when {@code at} is in the future. The schedule survives restarts
     * and fires once even with several copies of the service running.
     */
    public Article publish(String id, ExpectedRevision expected, Instant at, String by) {
        Instant now = now();
        if (at != null && at.isAfter(now)) {
            Instant when = at.truncatedTo(ChronoUnit.MILLIS);
            return apply(id, expected, "scheduled", article -> {
                requireKnownProducts(article.content());
                return article.schedule(when, changedBy(by));
            });
        }
        return apply(id, expected, "published", article -> {
            requireKnownProducts(article.content());
            return article.publish(changedBy(by));
        });
    }

    /**
     * Readers must not be sent to products that do not exist. Checked when an editor publishes or schedules; a
     * schedule that fires later publishes what was checked then, even if a product has gone meanwhile (search shows
     * the products it knows).
     */
    private void requireKnownProducts(Content content) {
        List<Content.Entry> entries = content.entries();
        Set<String> unknown =
                products.unknown(entries.stream().map(Content.Entry::productId).toList());
        if (unknown.isEmpty()) {
            return;
        }
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            Content.Entry entry = entries.get(i);
            if (unknown.contains(entry.productId())) {
                errors.put(
                        "entries[" + i + "].productId",
                        List.of("entry #" + entry.rank() + " (" + entry.heading() + ") names product "
                                + entry.productId() + ", which is not in the catalog"));
            }
        }
        throw new UnknownProducts(errors);
    }

    /** Calls off a scheduled publication; what readers see does not change (see {@link Article#unschedule}). */
    public Article cancelSchedule(String id, ExpectedRevision expected, String by) {
        return apply(id, expected, "unscheduled", article -> article.unschedule(changedBy(by)));
    }

    public Article unpublish(String id, ExpectedRevision expected, String by) {
        return apply(id, expected, "unpublished", article -> article.unpublish(changedBy(by)));
    }

    /**
     * A tombstone that every read treats as absent and the relay announces as removed. Taking a live article off the
     * site this way is for administrators; an editor unpublishes it instead.
     */
    public void delete(String id, ExpectedRevision expected, Editor by) {
        apply(id, expected, "deleted", article -> {
            if (article.status() == Status.PUBLISHED && !by.admin()) {
                throw new NotAllowed("Only an administrator may delete a published article; unpublish it first.");
            }
            return article.remove(changedBy(by.name()));
        });
    }

    /** The snapshots of the working copy, newest first. */
    public ResultPage<ArticleRevision> revisions(String id, int page, int size) {
        Article article = get(id);
        keepInHistory(article);
        return store.revisions(article.id(), article.revision(), page, size);
    }

    public ArticleRevision revision(String id, long revision) {
        Article article = get(id);
        keepInHistory(article);
        if (revision > article.revision()) {
            throw new ArticleNotFound();
        }
        return store.revision(article.id(), revision).orElseThrow(ArticleNotFound::new);
    }

    /**
     * The content of an earlier revision becomes the working copy again, as a new revision; the slug stays. Editors
     * restore their own articles; rolling back someone else's work is for administrators.
     */
    public Article restore(String id, long revision, ExpectedRevision expected, Editor by) {
        Content content = revision(id, revision).content();
        return apply(id, expected, "restored", article -> {
            if (!by.admin() && !by.name().equals(article.createdBy())) {
                throw new NotAllowed("Only an administrator may restore a revision of an article created by "
                        + article.createdBy() + ".");
            }
            return article.edit(content, null, changedBy(by.name()));
        });
    }

    /**
     * Publishes every article whose scheduled time has come. Each one is claimed by a write conditioned on the revision
     * it was read at, so when several schedulers race exactly one of them publishes it; an article edited meanwhile is
     * simply picked up by the next pass. Returns how many this pass published.
     */
    int publishDue(int limit) {
        Instant now = now();
        int published = 0;
        for (Article article : store.due(now, limit)) {
            if (!article.isDue(now)) {
                continue;
            }
            String requestId = "schedule-" + UUID.randomUUID();
            MDC.put(RequestIds.MDC_KEY, requestId);
            try {
                String by = article.scheduledBy() == null ? SCHEDULER : article.scheduledBy();
                Article next = article.publish(new Article.Change(
                        now, by, requestId, TraceParents.current().orElse(null)));
                keepInHistory(article);
                Optional<Article> saved = store.replace(article.revision(), next);
                if (saved.isPresent()) {
                    log.info("Published article {} as scheduled for {}", article.id(), article.scheduledAt());
                    afterSave(saved.get(), "published on schedule");
                    published++;
                }
            } finally {
                MDC.remove(RequestIds.MDC_KEY);
            }
        }
        return published;
    }

    private Article apply(String id, ExpectedRevision expected, String action, Function<Article, Article> step) {
        for (int attempt = 1; ; attempt++) {
            Article current = get(id);
            if (!expected.matches(current.revision())) {
                throw new RevisionConflict(current.revision());
            }
            Article next = step.apply(current);
            keepInHistory(current);
            Optional<Article> saved = store.replace(current.revision(), next);
            if (saved.isPresent()) {
                afterSave(saved.get(), action);
                return saved.get();
            }
            if (!expected.isAny() || attempt == ATTEMPTS) {
                throw new RevisionConflict(get(id).revision());
            }
        }
    }

    /**
     * The snapshot of a revision is written after the article itself, so a crash or a failed write in between can
     * leave a revision without one. The state about to be replaced is that very revision: it is kept now, before it
     * is gone, and a read of the history fills in the current one the same way.
     */
    private void keepInHistory(Article current) {
        store.saveRevisionIfAbsent(ArticleRevision.of(current, RECOVERED));
    }

    private void afterSave(Article saved, String action) {
        log.info("Article {} {} at revision {} (status {})", saved.id(), action, saved.revision(), saved.status());
        relay.announceSoon();
        if (saved.deleted()) {
            return;
        }
        try {
            store.saveRevision(ArticleRevision.of(saved, action));
        } catch (RuntimeException ex) {
            // The article itself is saved and will be announced; only its history misses this entry.
            log.warn("Could not store revision {} of article {}: {}", saved.revision(), saved.id(), ex.toString());
        }
    }

    private static Content prepare(Content input, String slug) {
        Content content = Sanitizer.content(input);
        ContentRules.check(content, slug);
        return new Content(
                content.title(),
                content.summary(),
                content.category(),
                content.tags(),
                content.author(),
                content.intro(),
                content.entries().stream()
                        .sorted(Comparator.comparingInt(Content.Entry::rank))
                        .toList(),
                content.sections());
    }

    private Article.Change changedBy(String by) {
        return new Article.Change(
                now(),
                by,
                RequestIds.current().orElse(null),
                TraceParents.current().orElse(null));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
