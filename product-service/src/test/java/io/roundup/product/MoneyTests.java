package io.roundup.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyTests {

    @ParameterizedTest
    @CsvSource({
        "19.99, USD, 19.99",
        "19.9, USD, 19.90",
        "20, USD, 20.00",
        "19.900, USD, 19.90",
        "0, EUR, 0.00",
        "007.5, GBP, 7.50",
        "1500, JPY, 1500",
        "1500.0, JPY, 1500",
        "1.234, BHD, 1.234",
        "999999999999.99, USD, 999999999999.99"
    })
    void amountsAreKeptAsCanonicalDecimalsOfTheCurrency(String amount, String currency, String canonical) {
        Money money = Money.of(amount, currency);

        assertThat(money.amount()).isEqualTo(canonical);
        assertThat(money.currency()).isEqualTo(currency);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "-1       | USD | must not be negative",
                "abc      | USD | must be a decimal number such as 19.99",
                "1e3      | USD | must be a decimal number such as 19.99",
                "1,50     | EUR | must be a decimal number such as 19.99",
                "19.999   | USD | must have at most 2 decimals in USD",
                "1500.5   | JPY | must have at most 0 decimals in JPY",
                "1000000000000 | USD | must be less than 10^12"
            })
    void amountProblemsAreNamed(String amount, String currency, String problem) {
        assertThat(Money.amountProblem(amount, currency)).contains(problem);
        assertThatIllegalArgumentException().isThrownBy(() -> Money.of(amount, currency));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "usd | must be an ISO-4217 currency code such as USD",
                "US  | must be an ISO-4217 currency code such as USD",
                "ABC | is not an ISO-4217 currency code",
                "XXX | is not an ISO-4217 currency code"
            })
    void currencyProblemsAreNamed(String currency, String problem) {
        assertThat(Money.currencyProblem(currency)).contains(problem);
    }

    @Test
    void anUnknownCurrencyDoesNotAlsoBlameTheAmount() {
        assertThat(Money.amountProblem("19.999", "ABC")).isEmpty();
        assertThat(Money.amountProblem(null, "USD")).isPresent();
    }

    @Test
    void onlyCanonicalAmountsCanBeConstructedDirectly() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Money("19.9", "USD"));
        assertThat(new Money("19.90", "USD").value()).isEqualByComparingTo("19.9");
    }
}
