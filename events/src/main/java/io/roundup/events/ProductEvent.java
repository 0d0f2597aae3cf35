package io.roundup.events;

/**
 * What product-service announces on {@link Topics#PRODUCTS}, keyed by {@link #productId()}.
 * Each event is the product's whole state at {@link #revision()}; consumers ignore a revision
 * that is not newer than the one they hold.
 */
public sealed interface ProductEvent permits ProductChanged, ProductRemoved {

    String productId();

    long revision();
}
