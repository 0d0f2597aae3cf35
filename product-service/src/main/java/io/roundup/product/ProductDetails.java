package io.roundup.product;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What editors write about a product; a replacement swaps all of it at once. Attributes are stored as a list of pairs,
 * not a map, because a MongoDB field name cannot hold every key an editor may type (dots, a leading {@code $}).
 */
public record ProductDetails(
        String name, String kind, String brand, List<Attribute> attributes, List<Offer> offers, String imageUrl) {

    public ProductDetails {
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
        offers = offers == null ? List.of() : List.copyOf(offers);
    }

    public static ProductDetails of(
            String name,
            String kind,
            String brand,
            Map<String, String> attributes,
            List<Offer> offers,
            String imageUrl) {
        List<Attribute> pairs = attributes == null
                ? List.of()
                : attributes.entrySet().stream()
                        .map(e -> new Attribute(e.getKey(), e.getValue()))
                        .toList();
        return new ProductDetails(name, kind, brand, pairs, offers, imageUrl);
    }

    /** The attributes in the order the editor wrote them. */
    public Map<String, String> attributeMap() {
        Map<String, String> map = new LinkedHashMap<>();
        attributes.forEach(a -> map.put(a.name(), a.value()));
        return map;
    }

    /**
     * The cheapest offer's price. Prices in different currencies cannot be compared without exchange rates, so only
     * offers in the first offer's currency compete.
     */
    public Optional<Money> lowestPrice() {
        if (offers.isEmpty()) {
            return Optional.empty();
        }
        String currency = offers.getFirst().price().currency();
        return offers.stream()
                .map(Offer::price)
                .filter(price -> price.currency().equals(currency))
                .min(Comparator.comparing(Money::value));
    }
}
