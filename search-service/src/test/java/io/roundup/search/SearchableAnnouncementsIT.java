package io.roundup.search;

import static io.roundup.search.Events.content;
import static io.roundup.search.Events.id;
import static io.roundup.search.Events.published;
import static io.roundup.search.Events.removed;
import static io.roundup.search.Events.withStatus;
import static io.roundup.search.Events.word;
import static org.assertj.core.api.Assertions.assertThat;

import io.roundup.events.ArticleIndexed;
import io.roundup.events.ArticleStatus;
import io.roundup.events.CloudEventHeaders;
import io.roundup.events.EventCodec;
import io.roundup.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * What search-service announces on {@value Topics#SEARCH_INDEXED}: for each article it indexed, the revision readers'
 * search now shows and whether they find it, sent only once a search already sees it.
 */
class SearchableAnnouncementsIT extends SearchServiceHarness {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final EventCodec codec = new EventCodec();

    @Test
    void aPublishedArticleIsAnnouncedListedOnlyOnceSearchFindsItAndGoneOnceItIsNot() {
        String word = word();
        String id = id();
        events.send(published(id, 3, Instant.now(), body(word)), "req-live-" + word);

        ConsumerRecord<String, byte[]> listed = announcement(id, 3);

        assertThat(SearchApi.ids(api.search("q", word)))
                .as("searchable at the moment it is announced, without waiting for a refresh")
                .containsExactly(id);
        ArticleIndexed event = decode(listed);
        assertThat(event.listed()).isTrue();
        assertThat(event.indexedAt()).isBeforeOrEqualTo(Instant.now());
        assertThat(header(listed, CloudEventHeaders.TYPE)).isEqualTo("roundup.search.indexed.v1");
        assertThat(header(listed, CloudEventHeaders.SOURCE)).isEqualTo("/search-service");
        assertThat(header(listed, CloudEventHeaders.SUBJECT)).isEqualTo(id);
        assertThat(header(listed, CloudEventHeaders.REQUEST_ID))
                .as("the request that published it")
                .isEqualTo("req-live-" + word);

        events.send(withStatus(id, 4, ArticleStatus.UNPUBLISHED), "req-gone-" + word);

        ConsumerRecord<String, byte[]> gone = announcement(id, 4);
        assertThat(SearchApi.ids(api.search("q", word)))
                .as("gone from search at the moment it is announced gone")
                .isEmpty();
        assertThat(decode(gone).listed()).isFalse();
    }

    @Test
    void aRedeliveryIsAnnouncedAgainAndALateOlderEventIsNot() {
        String word = word();
        String id = id();
        events.send(published(id, 1, Instant.now(), body(word)));
        events.send(removed(id, 2));
        announcement(id, 2);

        events.send(removed(id, 2)); // the same event again, as after a rebalance
        events.send(published(id, 1, Instant.now(), body(word))); // an older one, late

        List<ArticleIndexed> all = events.read(Topics.SEARCH_INDEXED, id, PATIENCE, Duration.ofSeconds(3)).stream()
                .map(this::decode)
                .toList();
        assertThat(all.stream().filter(e -> e.revision() == 2))
                .as("revision 2, written again")
                .hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(e -> assertThat(e.listed()).isFalse());
        assertThat(all.stream().filter(e -> e.revision() == 1).count())
                .as("revision 1 at most once: announced when it was written first, never after the removal")
                .isLessThanOrEqualTo(1);
        assertThat(SearchApi.ids(api.search("q", word))).isEmpty();
    }

    /** The first announcement of this revision (an earlier one may have been coalesced into it). */
    private ConsumerRecord<String, byte[]> announcement(String id, long revision) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> record :
                    events.read(Topics.SEARCH_INDEXED, id, Duration.ofSeconds(5))) {
                if (decode(record).revision() == revision) {
                    return record;
                }
            }
        }
        throw new AssertionError("no announcement of " + id + " revision " + revision + " within " + PATIENCE);
    }

    private ArticleIndexed decode(ConsumerRecord<String, byte[]> record) {
        return (ArticleIndexed) codec.read(header(record, CloudEventHeaders.TYPE), record.value());
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static io.roundup.events.ArticleContent body(String word) {
        return content(
                "Lamps for long evenings",
                "Three lamps, one winner.",
                "Home",
                List.of("lamps"),
                "Ada Quill",
                "The shade casts a " + word + " glow over the sofa.",
                List.of());
    }
}
