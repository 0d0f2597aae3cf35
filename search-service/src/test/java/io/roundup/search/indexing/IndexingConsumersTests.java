package io.roundup.search.indexing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import io.roundup.events.ArticleEvent;
import io.roundup.events.ArticleRemoved;
import io.roundup.events.EventCodec;
import io.roundup.events.ProductRemoved;
import io.roundup.search.indices.SearchIndices;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessagingException;
import org.springframework.messaging.support.MessageBuilder;

class IndexingConsumersTests {

    private final EventCodec codec = new EventCodec();

    @Test
    void eachRecordOfABatchKeepsItsOwnTypeAndRequestId() {
        byte[] first = codec.write(new ArticleRemoved("a-1", 9, Instant.now()));
        byte[] second = codec.write(new ArticleRemoved("a-2", 3, Instant.now()));
        Message<List<byte[]>> batch = MessageBuilder.withPayload(List.of(first, second))
                .setHeader(
                        KafkaHeaders.BATCH_CONVERTED_HEADERS,
                        List.of(
                                headers("ce_type", "roundup.article.removed.v1", "roundup_requestid", "req-1"),
                                headers("ce-type", "roundup.article.removed.v1")))
                .build();

        List<RawEvent> events = IndexingConsumers.events(batch);

        assertThat(events)
                .extracting(RawEvent::ceType)
                .containsExactly("roundup.article.removed.v1", "roundup.article.removed.v1");
        assertThat(events).extracting(RawEvent::requestId).containsExactly("req-1", null);
        assertThat(events).extracting(RawEvent::payload).containsExactly(first, second);
    }

    @Test
    void theFirstRejectedEventIsNamedToTheContainer() {
        Message<List<byte[]>> batch = MessageBuilder.withPayload(List.of(new byte[1], new byte[1], new byte[1]))
                .build();
        EventCodec.UnreadableEvent poison = new EventCodec.UnreadableEvent("unknown ce_type 'x'");
        UnindexableEvent refused = new UnindexableEvent("Elasticsearch refused it");

        assertThatThrownBy(() -> IndexingConsumers.handle(batch, (events, target) -> {
                    assertThat(target).isEqualTo(IndexTarget.LIVE);
                    return List.of(new Rejected(1, poison), new Rejected(2, refused));
                }))
                .isInstanceOfSatisfying(RejectedInBatch.class, ex -> {
                    assertThat(ex.getIndex()).isEqualTo(1);
                    assertThat(ex.getCause()).isSameAs(poison);
                });
        IndexingConsumers.handle(batch, (events, target) -> List.of());
    }

    @Test
    void aPassingFailureNamesTheFirstRecordAsABatchToRetry() {
        Message<List<byte[]>> batch =
                MessageBuilder.withPayload(List.of(new byte[1], new byte[1])).build();
        IllegalStateException away = new IllegalStateException("Connection refused");

        assertThatThrownBy(() -> IndexingConsumers.handle(batch, (events, target) -> {
                    throw away;
                }))
                .isInstanceOfSatisfying(BatchToRetry.class, ex -> {
                    assertThat(ex.getIndex()).isZero();
                    assertThat(ex.getCause()).isSameAs(away);
                });
    }

    @Test
    void poisonIsRejectedByPositionAndTheRestIsApplied() {
        ArticleIndexer articles = mock(ArticleIndexer.class);
        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<Decoded<ArticleEvent>>> applied = ArgumentCaptor.forClass(List.class);
        given(articles.apply(applied.capture(), eq(IndexTarget.LIVE))).willReturn(List.of());
        EventIndexing indexing =
                new EventIndexing(codec, mock(SearchIndices.class), articles, mock(ProductIndexer.class));
        ArticleRemoved good = new ArticleRemoved("a-1", 9, Instant.parse("2026-11-22T08:00:00Z"));
        byte[] valid = codec.write(good);

        List<Rejected> rejected = indexing.articles(
                List.of(
                        new RawEvent(null, valid, null),
                        new RawEvent("roundup.article.v9", valid, null),
                        new RawEvent("roundup.article.removed.v1", valid, "req-42"),
                        new RawEvent("roundup.article.removed.v1", "{nope".getBytes(StandardCharsets.UTF_8), null),
                        new RawEvent(
                                "roundup.product.removed.v1",
                                codec.write(new ProductRemoved("p-1", 2, Instant.now())),
                                null),
                        new RawEvent("roundup.article.removed.v1", null, null)),
                IndexTarget.LIVE);

        assertThat(rejected).extracting(Rejected::position).containsExactly(0, 1, 3, 4, 5);
        assertThat(rejected)
                .extracting(r -> r.reason().getMessage())
                .satisfiesExactly(
                        m -> assertThat(m).contains("ce_type"),
                        m -> assertThat(m).contains("unknown ce_type"),
                        m -> assertThat(m).contains("not a valid roundup.article.removed.v1"),
                        m -> assertThat(m).contains("does not belong"),
                        m -> assertThat(m).contains("no payload"));
        assertThat(rejected).allSatisfy(r -> assertThat(r.reason()).isInstanceOf(EventCodec.UnreadableEvent.class));
        assertThat(applied.getValue()).containsExactly(new Decoded<>(2, good, "req-42"));
    }

    @Test
    void rejectionsFromTheIndexAreMergedInPositionOrder() {
        ArticleIndexer articles = mock(ArticleIndexer.class);
        UnindexableEvent refused = new UnindexableEvent("refused");
        given(articles.apply(any(), any())).willReturn(List.of(new Rejected(0, refused)));
        EventIndexing indexing =
                new EventIndexing(codec, mock(SearchIndices.class), articles, mock(ProductIndexer.class));
        byte[] valid = codec.write(new ArticleRemoved("a-1", 9, Instant.now()));

        List<Rejected> rejected = indexing.articles(
                List.of(new RawEvent("roundup.article.removed.v1", valid, null), new RawEvent(null, valid, null)),
                IndexTarget.LIVE);

        assertThat(rejected).extracting(Rejected::position).containsExactly(0, 1);
        assertThat(rejected.getFirst().reason()).isSameAs(refused);
    }

    @Test
    void theReasonIsFoundUnderTheFrameworksWrappers() {
        EventCodec.UnreadableEvent poison = new EventCodec.UnreadableEvent("unknown ce_type 'x'");
        Exception wrapped = new RuntimeException("Listener failed", new MessagingException("handler failed", poison));

        assertThat(IndexingFaults.reason(wrapped)).isSameAs(poison);
        IllegalStateException root = new IllegalStateException("down");
        assertThat(IndexingFaults.reason(new RuntimeException("x", root))).isSameAs(root);
    }

    private static Map<String, Object> headers(String... pairs) {
        Map<String, Object> headers = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            headers.put(pairs[i], pairs[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return headers;
    }
}
