package io.roundup.events;

/** Kafka topic names. All are keyed by article or product id and safe to compact. */
public final class Topics {

    public static final String ARTICLES = "roundup.articles";
    public static final String PRODUCTS = "roundup.products";

    /** What search-service has made searchable: {@link SearchEvent}s, keyed by article id. */
    public static final String SEARCH_INDEXED = "roundup.search.indexed";

    private Topics() {}
}
