package io.roundup.events;

import java.time.Instant;

/**
 * The current state of an article that exists. {@code published} is the content readers see and
 * is present only while {@code status} is {@link ArticleStatus#PUBLISHED}; an unpublished edit on
 * top of a published article is never on the wire, so it cannot leak into search.
 */
public record ArticleChanged(
        String articleId,
        long revision,
        Instant changedAt,
        ArticleStatus status,
        String slug,
        Instant publishedAt,
        ArticleContent published)
        implements ArticleEvent {}
