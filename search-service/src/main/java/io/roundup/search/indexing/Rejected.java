package io.roundup.search.indexing;

/**
 * An event of a batch that no retry can apply: unreadable, or refused by Elasticsearch for what it is.
 *
 * @param position its position in the batch
 * @param reason an {@link io.roundup.events.EventCodec.UnreadableEvent} or an {@link UnindexableEvent}
 */
public record Rejected(int position, RuntimeException reason) {}
