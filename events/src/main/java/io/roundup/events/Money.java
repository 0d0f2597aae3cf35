package io.roundup.events;

/** An amount of money on the wire: a decimal string (never a float) and an ISO-4217 currency code. */
public record Money(String amount, String currency) {}
