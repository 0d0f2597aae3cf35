package io.roundup.web;

import io.roundup.web.api.ApiModel.Price;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;

/** Prices as readers expect them: "$349.00", "£299.00", "CHF 59.00". */
public final class Money {

    private Money() {}

    public static String format(Price price) {
        if (price == null || price.amount() == null) {
            return "";
        }
        String amount;
        try {
            amount = new BigDecimal(price.amount())
                    .setScale(2, java.math.RoundingMode.HALF_UP)
                    .toPlainString();
        } catch (NumberFormatException ex) {
            amount = price.amount();
        }
        if (price.currency() == null) {
            return amount;
        }
        try {
            String symbol = Currency.getInstance(price.currency()).getSymbol(Locale.US);
            return symbol.length() == 1 ? symbol + amount : price.currency() + " " + amount;
        } catch (IllegalArgumentException ex) {
            return price.currency() + " " + amount;
        }
    }

    /** The amount as a number, for ordering offers; unreadable amounts sort last. */
    public static BigDecimal amount(Price price) {
        try {
            return new BigDecimal(price.amount());
        } catch (RuntimeException ex) {
            return BigDecimal.valueOf(Long.MAX_VALUE);
        }
    }
}
