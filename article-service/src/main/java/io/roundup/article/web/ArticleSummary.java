package io.roundup.article.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.roundup.article.Article;
import io.roundup.article.Content;
import io.roundup.article.Status;
import java.time.Instant;
import java.util.List;

/**
 * One item of the article list: the published snapshot for readers, the working copy for editors. Editors also get
 * when and by whom it was last saved and whether the published version lags behind the working copy, which the
 * console's list shows per row; readers get none of it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ArticleSummary(
        String id,
        String slug,
        String title,
        String summary,
        String category,
        List<String> tags,
        Content.Author author,
        Status status,
        Instant publishedAt,
        Instant scheduledAt,
        long revision,
        Instant updatedAt,
        String updatedBy,
        Boolean hasUnpublishedChanges) {

    static ArticleSummary of(Article article, boolean editor) {
        Content c = editor ? article.content() : article.published();
        return new ArticleSummary(
                article.id(),
                editor ? article.slug() : article.publicSlug(),
                c.title(),
                c.summary(),
                c.category(),
                c.tags(),
                c.author(),
                article.status(),
                article.publishedAt(),
                editor ? article.scheduledAt() : null,
                article.revision(),
                editor ? article.updatedAt() : null,
                editor ? article.updatedBy() : null,
                editor ? article.hasUnpublishedChanges() : null);
    }
}
