package io.roundup.product;

/** Where a product can be bought and for how much. */
public record Offer(String retailer, String url, Money price) {}
