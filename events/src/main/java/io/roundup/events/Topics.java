package io.roundup.events;

/** Kafka topic names. Both are keyed by entity id and safe to compact. */
public final class Topics {

    public static final String ARTICLES = "roundup.articles";
    public static final String PRODUCTS = "roundup.products";

    private Topics() {}
}
