package io.roundup.events;

import java.time.Instant;

/**
 * Search shows the article as its event of {@code revision} said, and readers' searches already see it: announced only
 * after the write was made visible (refreshed), never merely accepted by the index.
 *
 * @param revision the article revision whose event the review index now holds
 * @param listed true when readers find the article (it was published at that revision); false when search holds
 *     nothing readers could find (a draft, scheduled, unpublished or deleted article)
 * @param indexedAt when the write became visible to readers
 */
public record ArticleIndexed(String articleId, long revision, boolean listed, Instant indexedAt)
        implements SearchEvent {}
