package io.roundup.product;

/** One descriptive attribute of a product, e.g. {@code director = Agnès Varda}. */
public record Attribute(String name, String value) {}
