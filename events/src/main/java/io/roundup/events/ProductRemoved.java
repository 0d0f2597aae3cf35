package io.roundup.events;

import java.time.Instant;

/** The product was deleted at this revision; it carries a revision so a late older state cannot revive it. */
public record ProductRemoved(String productId, long revision, Instant removedAt) implements ProductEvent {}
