package io.roundup.product;

/**
 * A page of the product list: live products sorted by name. {@code text}, when given, matches the start of the name or
 * of any word in it, ignoring case and accents; {@code kind}, when given, must match exactly. Null or blank means
 * "any".
 */
public record ProductQuery(String text, String kind, int page, int size) {}
