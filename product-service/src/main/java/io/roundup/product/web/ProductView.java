package io.roundup.product.web;

import io.roundup.product.Money;
import io.roundup.product.Product;
import io.roundup.product.ProductDetails;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A product as the API shows it. */
record ProductView(
        String id,
        long revision,
        String name,
        String kind,
        String brand,
        Map<String, String> attributes,
        List<OfferView> offers,
        String imageUrl,
        MoneyView lowestPrice,
        Instant createdAt,
        Instant updatedAt) {

    static ProductView of(Product product) {
        ProductDetails details = product.details();
        return new ProductView(
                product.id(),
                product.revision(),
                details.name(),
                details.kind(),
                details.brand(),
                details.attributeMap(),
                details.offers().stream()
                        .map(o -> new OfferView(o.retailer(), o.url(), MoneyView.of(o.price())))
                        .toList(),
                details.imageUrl(),
                details.lowestPrice().map(MoneyView::of).orElse(null),
                product.createdAt(),
                product.updatedAt());
    }

    record OfferView(String retailer, String url, MoneyView price) {}

    /** Money on the wire: the amount is a decimal string, never a JSON number that a client could round. */
    record MoneyView(String amount, String currency) {

        static MoneyView of(Money money) {
            return new MoneyView(money.amount(), money.currency());
        }
    }
}
