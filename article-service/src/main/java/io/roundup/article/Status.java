package io.roundup.article;

/** Where an article stands in the editorial workflow. Readers see only {@link #PUBLISHED} articles. */
public enum Status {
    DRAFT,
    SCHEDULED,
    PUBLISHED,
    UNPUBLISHED
}
