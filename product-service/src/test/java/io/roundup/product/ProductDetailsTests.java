package io.roundup.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProductDetailsTests {

    @Test
    void theLowestPriceIsTheCheapestOfferInTheFirstOffersCurrency() {
        ProductDetails details = details(List.of(
                offer("A", "30.00", "USD"),
                offer("B", "5.00", "EUR"),
                offer("C", "24.50", "USD"),
                offer("D", "99.00", "USD")));

        assertThat(details.lowestPrice()).contains(new Money("24.50", "USD"));
    }

    @Test
    void aProductWithoutOffersHasNoLowestPrice() {
        assertThat(details(List.of()).lowestPrice()).isEmpty();
    }

    @Test
    void attributesKeepTheEditorsOrderAndAnyKey() {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("runtime", "128 min");
        attributes.put("aspect.ratio", "2.39:1");
        attributes.put("$format", "4K");

        ProductDetails details = ProductDetails.of("Film", "film", null, attributes, List.of(), null);

        assertThat(details.attributeMap())
                .containsExactly(
                        Map.entry("runtime", "128 min"),
                        Map.entry("aspect.ratio", "2.39:1"),
                        Map.entry("$format", "4K"));
    }

    private static ProductDetails details(List<Offer> offers) {
        return ProductDetails.of("Headphones", "gear", null, Map.of(), offers, null);
    }

    private static Offer offer(String retailer, String amount, String currency) {
        return new Offer(retailer, "https://shop.example.com/" + retailer, Money.of(amount, currency));
    }
}
