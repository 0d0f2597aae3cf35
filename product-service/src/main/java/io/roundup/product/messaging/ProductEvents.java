package io.roundup.product.messaging;

import io.roundup.events.Money;
import io.roundup.events.Offer;
import io.roundup.events.ProductChanged;
import io.roundup.events.ProductEvent;
import io.roundup.events.ProductRemoved;
import io.roundup.product.Product;
import io.roundup.product.ProductDetails;

/** The one mapping from a stored product to the event contract: its whole state, or its removal, at its revision. */
final class ProductEvents {

    private ProductEvents() {}

    static ProductEvent toEvent(Product product) {
        if (product.deleted()) {
            return new ProductRemoved(product.id(), product.revision(), product.updatedAt());
        }
        ProductDetails details = product.details();
        return new ProductChanged(
                product.id(),
                product.revision(),
                product.updatedAt(),
                details.name(),
                details.kind(),
                details.brand(),
                details.attributeMap(),
                details.offers().stream()
                        .map(offer -> new Offer(
                                offer.retailer(),
                                offer.url(),
                                new Money(offer.price().amount(), offer.price().currency())))
                        .toList(),
                details.imageUrl());
    }
}
