package io.roundup.search.indexing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roundup.events.ArticleEvent;
import io.roundup.events.ArticleRemoved;
import io.roundup.events.CloudEventHeaders;
import io.roundup.events.EventCodec;
import io.roundup.events.ProductRemoved;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessagingException;
import org.springframework.messaging.support.MessageBuilder;

class IndexingConsumersTests {

    private final EventCodec codec = new EventCodec();

    @Test
    void anEventIsDecodedByItsTypeAndHandledWithItsRequestIdInTheMdc() {
        ArticleRemoved removed = new ArticleRemoved("a-1", 9, Instant.parse("2026-11-22T08:00:00Z"));
        List<String> requestIds = new ArrayList<>();
        List<ArticleEvent> handled = new ArrayList<>();

        IndexingConsumers.handle(message(codec.write(removed), "roundup.article.removed.v1", "req-42"), codec,
                ArticleEvent.class, event -> {
                    handled.add(event);
                    requestIds.add(MDC.get("requestId"));
                });

        assertThat(handled).containsExactly(removed);
        assertThat(requestIds).containsExactly("req-42");
        assertThat(MDC.get("requestId")).isNull();
    }

    @Test
    void theTypeIsAlsoFoundUnderItsCanonicalCloudEventsName() {
        ArticleRemoved removed = new ArticleRemoved("a-2", 3, Instant.parse("2026-11-22T08:00:00Z"));
        Message<byte[]> message = MessageBuilder.withPayload(codec.write(removed))
                .setHeader("ce-type", "roundup.article.removed.v1")
                .build();
        List<ArticleEvent> handled = new ArrayList<>();

        IndexingConsumers.handle(message, codec, ArticleEvent.class, handled::add);

        assertThat(handled).containsExactly(removed);
    }

    @Test
    void poisonIsUnreadable() {
        byte[] valid = codec.write(new ArticleRemoved("a-1", 9, Instant.now()));
        assertThatThrownBy(() -> IndexingConsumers.handle(message(valid, null, null), codec, ArticleEvent.class, e -> { }))
                .isInstanceOf(EventCodec.UnreadableEvent.class).hasMessageContaining("ce_type");
        assertThatThrownBy(() -> IndexingConsumers.handle(message(valid, "roundup.article.v9", null), codec, ArticleEvent.class, e -> { }))
                .isInstanceOf(EventCodec.UnreadableEvent.class).hasMessageContaining("unknown ce_type");
        assertThatThrownBy(() -> IndexingConsumers.handle(message("{nope".getBytes(StandardCharsets.UTF_8),
                "roundup.article.removed.v1", "req-1"), codec, ArticleEvent.class, e -> { }))
                .isInstanceOf(EventCodec.UnreadableEvent.class);
        byte[] product = codec.write(new ProductRemoved("p-1", 2, Instant.now()));
        assertThatThrownBy(() -> IndexingConsumers.handle(message(product, "roundup.product.removed.v1", null), codec,
                ArticleEvent.class, e -> { }))
                .isInstanceOf(EventCodec.UnreadableEvent.class).hasMessageContaining("does not belong");
        assertThat(MDC.get("requestId")).isNull();
    }

    @Test
    void theReasonIsFoundUnderTheFrameworksWrappers() {
        EventCodec.UnreadableEvent poison = new EventCodec.UnreadableEvent("unknown ce_type 'x'");
        Exception wrapped = new RuntimeException("Listener failed", new MessagingException("handler failed", poison));

        assertThat(IndexingFaults.reason(wrapped)).isSameAs(poison);
        IllegalStateException root = new IllegalStateException("down");
        assertThat(IndexingFaults.reason(new RuntimeException("x", root))).isSameAs(root);
    }

    private static Message<byte[]> message(byte[] payload, String ceType, String requestId) {
        MessageBuilder<byte[]> builder = MessageBuilder.withPayload(payload);
        if (ceType != null) {
            builder.setHeader(CloudEventHeaders.TYPE, ceType.getBytes(StandardCharsets.UTF_8));
        }
        if (requestId != null) {
            builder.setHeader(CloudEventHeaders.REQUEST_ID, requestId.getBytes(StandardCharsets.UTF_8));
        }
        return builder.build();
    }
}
