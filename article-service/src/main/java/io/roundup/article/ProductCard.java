package io.roundup.article;

import java.util.List;

/**
 * What an article page shows of a ranked product next to its review: the name and the buy offers, as the catalog last
 * announced them.
 */
public record ProductCard(String id, String name, String kind, String brand, List<Offer> offers) {

    public ProductCard {
        offers = offers == null ? List.of() : List.copyOf(offers);
    }

    /** Where to buy it and for how much. */
    public record Offer(String retailer, String url, Price price) {}

    /** A decimal amount as text and an ISO-4217 currency, as the API writes money everywhere. */
    public record Price(String amount, String currency) {}
}
