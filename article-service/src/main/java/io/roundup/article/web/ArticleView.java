package io.roundup.article.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.roundup.article.Article;
import io.roundup.article.Content;
import io.roundup.article.ProductCard;
import io.roundup.article.Status;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One article as JSON. Readers get the published snapshot and nothing editorial; editors get the working copy with
 * its workflow state. Fields without a value are left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ArticleView(
        String id,
        String slug,
        Status status,
        long revision,
        String title,
        String summary,
        String category,
        List<String> tags,
        Content.Author author,
        String intro,
        List<EntryView> entries,
        List<Content.Section> sections,
        Instant publishedAt,
        Instant scheduledAt,
        Boolean hasUnpublishedChanges,
        List<String> slugHistory,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy,
        List<LatestEntry> authorLatest) {

    /** One of the author's other published articles, for the "latest from this author" list under the bio. */
    record LatestEntry(String id, String slug, String title, Instant publishedAt) {

        static List<LatestEntry> of(List<Article> articles) {
            return articles.stream()
                    .map(a -> new LatestEntry(
                            a.id(), a.publicSlug(), a.published().title(), a.publishedAt()))
                    .toList();
        }
    }

    /**
     * A ranked entry as written, with the catalog's card of its product (name, kind, brand, buy offers) when the page
     * is read; absent in the answer to a write and for a product the catalog no longer has.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record EntryView(
            int rank,
            String productId,
            String heading,
            String body,
            List<Content.Feature> features,
            ProductCard product) {

        static List<EntryView> of(List<Content.Entry> entries, Map<String, ProductCard> cards) {
            return entries.stream()
                    .map(e -> new EntryView(
                            e.rank(), e.productId(), e.heading(), e.body(), e.features(), cards.get(e.productId())))
                    .toList();
        }
    }

    /** What a read of one article adds to the stored content: the author's other articles and the product cards. */
    record PageExtras(List<Article> authorLatest, Map<String, ProductCard> products) {}

    /** The answer to a write: the working copy as stored, without what a page read adds. */
    static ArticleView forEditor(Article article) {
        return forEditor(article, null);
    }

    static ArticleView forEditor(Article article, PageExtras extras) {
        Content c = article.content();
        return new ArticleView(
                article.id(),
                article.slug(),
                article.status(),
                article.revision(),
                c.title(),
                c.summary(),
                c.category(),
                c.tags(),
                c.author(),
                c.intro(),
                EntryView.of(c.entries(), extras == null ? Map.of() : extras.products()),
                c.sections(),
                article.publishedAt(),
                article.scheduledAt(),
                article.hasUnpublishedChanges(),
                article.slugHistory(),
                article.createdAt(),
                article.createdBy(),
                article.updatedAt(),
                article.updatedBy(),
                extras == null ? null : LatestEntry.of(extras.authorLatest()));
    }

    static ArticleView forReader(Article article, PageExtras extras) {
        Content c = article.published();
        return new ArticleView(
                article.id(),
                article.publicSlug(),
                Status.PUBLISHED,
                article.revision(),
                c.title(),
                c.summary(),
                c.category(),
                c.tags(),
                c.author(),
                c.intro(),
                EntryView.of(c.entries(), extras.products()),
                c.sections(),
                article.publishedAt(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                LatestEntry.of(extras.authorLatest()));
    }
}
