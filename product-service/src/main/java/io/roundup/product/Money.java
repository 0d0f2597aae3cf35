package io.roundup.product;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An amount in one ISO-4217 currency. The amount is kept as its canonical decimal string (as many decimals as the
 * currency has minor units, e.g. {@code 19.90} USD, {@code 1500} JPY), so it is stored, compared and sent exactly,
 * never through a binary float.
 */
public record Money(String amount, String currency) {

    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern CODE = Pattern.compile("[A-Z]{3}");
    private static final int MAX_INTEGER_DIGITS = 12;

    public Money {
        if (currencyProblem(currency).isPresent()
                || amountProblem(amount, currency).isPresent()
                || !canonical(amount, currency).equals(amount)) {
            throw new IllegalArgumentException("Not a canonical amount of money: " + amount + " " + currency);
        }
    }

    /** Parses user input such as {@code "19.9"} or {@code "20"}; check {@link #amountProblem} first for a message. */
    public static Money of(String amount, String currency) {
        currencyProblem(currency).or(() -> amountProblem(amount, currency)).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        return new Money(canonical(amount, currency), currency);
    }

    /** Why {@code code} cannot price anything, if it cannot: it must be an ISO-4217 code with minor units defined. */
    public static Optional<String> currencyProblem(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            return Optional.of("must be an ISO-4217 currency code such as USD");
        }
        Optional<Currency> currency = Currency.getAvailableCurrencies().stream()
                .filter(c -> c.getCurrencyCode().equals(code))
                .findFirst();
        if (currency.isEmpty() || currency.get().getDefaultFractionDigits() < 0) {
            return Optional.of("is not an ISO-4217 currency code");
        }
        return Optional.empty();
    }

    /**
     * Why {@code amount} is not a price in {@code currency}, if it is not: a non-negative decimal with at most as many
     * decimals as the currency has minor units. An unknown currency is reported by {@link #currencyProblem} alone.
     */
    public static Optional<String> amountProblem(String amount, String currency) {
        if (amount == null || !DECIMAL.matcher(amount).matches()) {
            return Optional.of("must be a decimal number such as 19.99");
        }
        BigDecimal value = new BigDecimal(amount);
        if (value.signum() < 0) {
            return Optional.of("must not be negative");
        }
        if (value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
            return Optional.of("must be less than 10^" + MAX_INTEGER_DIGITS);
        }
        if (currencyProblem(currency).isEmpty()) {
            int digits = Currency.getInstance(currency).getDefaultFractionDigits();
            if (value.stripTrailingZeros().scale() > digits) {
                return Optional.of("must have at most " + digits + " decimals in " + currency);
            }
        }
        return Optional.empty();
    }

    public BigDecimal value() {
        return new BigDecimal(amount);
    }

    private static String canonical(String amount, String currency) {
        return new BigDecimal(amount)
                .setScale(Currency.getInstance(currency).getDefaultFractionDigits())
                .toPlainString();
    }
}
