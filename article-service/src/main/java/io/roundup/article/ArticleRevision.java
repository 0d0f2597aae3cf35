package io.roundup.article;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The working copy as one save left it. The id is {@code <articleId>:<revision>}, so writing a snapshot twice
 * (a retry) overwrites rather than duplicates.
 *
 * @param action what the save did: created, updated, published, scheduled, unpublished, restored
 */
@Document(ArticleRevision.COLLECTION)
public record ArticleRevision(
        @Id String id,
        String articleId,
        long revision,
        Instant savedAt,
        String savedBy,
        String action,
        Content content) {

    public static final String COLLECTION = "article_revisions";

    static ArticleRevision of(Article article, String action) {
        return new ArticleRevision(
                article.id() + ":" + article.revision(),
                article.id(),
                article.revision(),
                article.updatedAt(),
                article.updatedBy(),
                action,
                article.content());
    }
}
