package io.roundup.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The current state of a product that exists. {@code brand} and {@code imageUrl} may be null. */
public record ProductChanged(
        String productId,
        long revision,
        Instant changedAt,
        String name,
        String kind,
        String brand,
        Map<String, String> attributes,
        List<Offer> offers,
        String imageUrl)
        implements ProductEvent {}
