package io.roundup.search.indexed;

import org.jspecify.annotations.Nullable;

/**
 * An article's document that a live bulk has just written (not necessarily visible to readers yet).
 *
 * @param revision the revision of the event the document was written from
 * @param listed whether readers' searches find it (a published article) or it is a tombstone
 * @param requestId the request id of the write that produced the event, carried onto the announcement
 */
public record Indexed(
        String articleId,
        long revision,
        boolean listed,
        @Nullable String requestId) {}
