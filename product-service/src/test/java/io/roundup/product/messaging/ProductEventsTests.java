package io.roundup.product.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.roundup.events.EventCodec;
import io.roundup.events.EventType;
import io.roundup.events.ProductChanged;
import io.roundup.events.ProductRemoved;
import io.roundup.product.Money;
import io.roundup.product.Offer;
import io.roundup.product.Product;
import io.roundup.product.ProductDetails;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProductEventsTests {

    private static final String ID = "6650f1c2a1b2c3d4e5f60718";
    private static final Instant CREATED = Instant.parse("2026-11-20T09:15:00Z");
    private static final Instant UPDATED = Instant.parse("2026-11-21T10:00:00Z");

    @Test
    void aLiveProductIsAnnouncedWithItsWholeState() {
        Object event = ProductEvents.toEvent(product(3, false));

        assertThat(event)
                .isEqualTo(new ProductChanged(
                        ID,
                        3,
                        UPDATED,
                        "Northwind Studio Monitor",
                        "gear",
                        "Northwind",
                        Map.of("driver", "40 mm"),
                        List.of(new io.roundup.events.Offer(
                                "Harbor Audio",
                                "https://shop.example.com/n",
                                new io.roundup.events.Money("129.00", "USD"))),
                        null));
        assertThat(EventType.of(event).ceType()).isEqualTo("roundup.product.v1");
    }

    @Test
    void aDeletedProductIsAnnouncedAsRemovedAtItsRevision() {
        Object event = ProductEvents.toEvent(product(4, true));

        assertThat(event).isEqualTo(new ProductRemoved(ID, 4, UPDATED));
        assertThat(EventType.of(event).ceType()).isEqualTo("roundup.product.removed.v1");
    }

    @Test
    void amountsTravelAsDecimalStrings() {
        String json =
                new String(new EventCodec().write(ProductEvents.toEvent(product(3, false))), StandardCharsets.UTF_8);

        assertThat(json).contains("\"amount\":\"129.00\"").contains("\"currency\":\"USD\"");
    }

    private static Product product(long revision, boolean deleted) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("driver", "40 mm");
        ProductDetails details = ProductDetails.of(
                "Northwind Studio Monitor",
                "gear",
                "Northwind",
                attributes,
                List.of(new Offer("Harbor Audio", "https://shop.example.com/n", Money.of("129", "USD"))),
                null);
        return new Product(
                ID,
                revision,
                details,
                CREATED,
                UPDATED,
                deleted,
                "northwind studio monitor",
                List.of(),
                "req-1",
                null,
                true,
                2);
    }
}
