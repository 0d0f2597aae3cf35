package io.roundup.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.roundup.events.ArticleRemoved;
import io.roundup.events.CloudEventHeaders;
import io.roundup.events.EventCodec;
import io.roundup.events.EventType;
import io.roundup.events.ProductEvent;
import io.roundup.events.ProductRemoved;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

class ViewUpdatesTests {

    private final List<ProductEvent> applied = new ArrayList<>();

    private final java.util.function.Consumer<Message<byte[]>> consumer =
            ViewUpdates.of(ProductEvent.class, applied::add);

    @Test
    void appliesAnEventOfItsFamily() {
        ProductRemoved removed = new ProductRemoved("p1", 3, Instant.parse("2026-11-26T00:00:00Z"));

        consumer.accept(message(EventType.of(removed).ceType(), new EventCodec().write(removed)));

        assertThat(applied).containsExactly(removed);
    }

    @Test
    void skipsWhatItCannotReadOrDoesNotKeepAndCarriesOn() {
        ArticleRemoved otherFamily = new ArticleRemoved("a1", 2, Instant.now());

        consumer.accept(message(EventType.of(otherFamily).ceType(), new EventCodec().write(otherFamily)));
        consumer.accept(message("roundup.product.v1", "{not json".getBytes(StandardCharsets.UTF_8)));
        consumer.accept(message("roundup.unknown.v9", "{}".getBytes(StandardCharsets.UTF_8)));
        consumer.accept(MessageBuilder.withPayload("{}".getBytes(StandardCharsets.UTF_8))
                .build());

        assertThat(applied).isEmpty();
    }

    private static Message<byte[]> message(String ceType, byte[] payload) {
        return MessageBuilder.withPayload(payload)
                .setHeader(CloudEventHeaders.TYPE, ceType)
                .build();
    }
}
