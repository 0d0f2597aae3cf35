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
        String updatedBy) {

    static ArticleView forEditor(Article article) {
        Content c = article.content();
        return new ArticleView(article.id(), article.slug(), article.status(), article.revision(), c.title(), c.summary(),
                c.category(), c.tags(), c.author(), c.intro(), c.entries(), c.sections(), article.publishedAt(),
                article.scheduledAt(), article.hasUnpublishedChanges(), article.slugHistory(), article.createdAt(),
                article.createdBy(), article.updatedAt(), article.updatedBy());
    }

    static ArticleView forReader(Article article) {
        Content c = article.published();
        return new ArticleView(article.id(), article.publicSlug(), Status.PUBLISHED, article.revision(), c.title(), c.summary(),
                c.category(), c.tags(), c.author(), c.intro(), c.entries(), c.sections(), article.publishedAt(),
                null, null, null, null, null, null, null);
    }
}
