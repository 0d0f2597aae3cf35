package io.roundup.article.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.roundup.article.Article;
import io.roundup.article.Content;
import io.roundup.article.Status;
import java.time.Instant;
import java.util.List;

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
        List<Content.Entry> entries,
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
                    .map(a -> new LatestEntry(a.id(), a.publicSlug(), a.published().title(), a.publishedAt()))
                    .toList();
        }
    }

    /** The answer to a write: the working copy, without the author's other articles. */
    static ArticleView forEditor(Article article) {
        return forEditor(article, null);
    }

    static ArticleView forEditor(Article article, List<Article> authorLatest) {
        Content c = article.content();
        return new ArticleView(article.id(), article.slug(), article.status(), article.revision(), c.title(), c.summary(),
                c.category(), c.tags(), c.author(), c.intro(), c.entries(), c.sections(), article.publishedAt(),
                article.scheduledAt(), article.hasUnpublishedChanges(), article.slugHistory(), article.createdAt(),
                article.createdBy(), article.updatedAt(), article.updatedBy(),
                authorLatest == null ? null : LatestEntry.of(authorLatest));
    }

    static ArticleView forReader(Article article, List<Article> authorLatest) {
        Content c = article.published();
        return new ArticleView(article.id(), article.publicSlug(), Status.PUBLISHED, article.revision(), c.title(), c.summary(),
                c.category(), c.tags(), c.author(), c.intro(), c.entries(), c.sections(), article.publishedAt(),
                null, null, null, null, null, null, null, LatestEntry.of(authorLatest));
    }
}
