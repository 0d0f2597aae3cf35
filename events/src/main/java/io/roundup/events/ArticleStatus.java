package io.roundup.events;

/** The editorial status of an article. */
public enum ArticleStatus {
    DRAFT,
    SCHEDULED,
    PUBLISHED,
    UNPUBLISHED
}
