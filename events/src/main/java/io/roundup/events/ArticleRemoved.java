package io.roundup.events;

import java.time.Instant;

/** The article was deleted at this revision; it carries a revision so a late older state cannot revive it. */
public record ArticleRemoved(String articleId, long revision, Instant removedAt) implements ArticleEvent {}
