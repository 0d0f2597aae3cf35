package io.roundup.article.messaging;

import io.roundup.article.Article;
import io.roundup.article.Content;
import io.roundup.article.Status;
import io.roundup.events.ArticleChanged;
import io.roundup.events.ArticleContent;
import io.roundup.events.ArticleEvent;
import io.roundup.events.ArticleRemoved;
import io.roundup.events.ArticleStatus;

/**
 * The one place where a stored article becomes the event contract. Only the published snapshot goes on the wire,
 * and only while the article is published: a draft (also one on top of a published article) never leaves the service.
 */
final class ArticleEventMapper {

    ArticleEvent toEvent(Article article) {
        if (article.deleted()) {
            return new ArticleRemoved(article.id(), article.revision(), article.updatedAt());
        }
        return new ArticleChanged(
                article.id(),
                article.revision(),
                article.updatedAt(),
                status(article.status()),
                article.isPublic() ? article.publicSlug() : article.slug(),
                article.publishedAt(),
                article.isPublic() ? content(article.published()) : null);
    }

    private static ArticleStatus status(Status status) {
        return switch (status) {
            case DRAFT -> ArticleStatus.DRAFT;
            case SCHEDULED -> ArticleStatus.SCHEDULED;
            case PUBLISHED -> ArticleStatus.PUBLISHED;
            case UNPUBLISHED -> ArticleStatus.UNPUBLISHED;
        };
    }

    private static ArticleContent content(Content content) {
        Content.Author author = content.author();
        return new ArticleContent(
                content.title(),
                content.summary(),
                content.category(),
                content.tags(),
                author == null ? null : new ArticleContent.Author(author.name(), author.bio()),
                content.intro(),
                content.entries().stream()
                        .map(e -> new ArticleContent.Entry(
                                e.rank(),
                                e.productId(),
                                e.heading(),
                                e.body(),
                                e.features().stream()
                                        .map(f -> new ArticleContent.Feature(f.name(), f.description()))
                                        .toList()))
                        .toList(),
                content.sections().stream()
                        .map(s -> new ArticleContent.Section(s.heading(), s.body()))
                        .toList());
    }
}
