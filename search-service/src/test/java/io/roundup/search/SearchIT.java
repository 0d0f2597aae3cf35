package io.roundup.search;

import static io.roundup.search.Events.content;
import static io.roundup.search.Events.id;
import static io.roundup.search.Events.product;
import static io.roundup.search.Events.published;
import static io.roundup.search.Events.removed;
import static io.roundup.search.Events.withStatus;
import static io.roundup.search.Events.word;
import static io.roundup.search.SearchApi.facet;
import static io.roundup.search.SearchApi.firstPrice;
import static io.roundup.search.SearchApi.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.roundup.events.ArticleContent;
import io.roundup.events.ArticleStatus;
import io.roundup.events.ProductRemoved;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/**
 * The search service on a real Kafka and a real Elasticsearch: events go in as the producers send them, and what
 * readers find comes out of the HTTP API. Every test uses its own ids and made-up words.
 */
@ExtendWith(OutputCaptureExtension.class)
class SearchIT extends SearchServiceHarness {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final List<Long> FRESHNESS_MILLIS = new ArrayList<>();

    @AfterAll
    static void reportFreshness() {
        System.out.println("Publish event -> searchable (ms): " + FRESHNESS_MILLIS);
    }

    @Test
    void aPublishedArticleIsFoundByAWordOfItsBodyWithHighlights(CapturedOutput output) {
        String word = word();
        String id = id();
        Instant publishedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String requestId = "req-" + word;

        events.send(
                published(
                        id,
                        1,
                        publishedAt,
                        content(
                                "Quiet kettles for small kitchens",
                                "Five kettles, one winner.",
                                "Kitchen",
                                List.of("kettles", "Small Spaces"),
                                "Nora Bell",
                                "The lid opens with a " + word + " click and never burns your fingers.",
                                List.of())),
                requestId);
        long sent = System.nanoTime();

        JsonNode results = awaitHits("q", word);
        FRESHNESS_MILLIS.add((System.nanoTime() - sent) / 1_000_000);

        assertThat(results.path("total").asLong()).isEqualTo(1);
        JsonNode hit = results.path("hits").path(0);
        assertThat(hit.path("id").asString()).isEqualTo(id);
        assertThat(hit.path("slug").asString()).isEqualTo("slug-" + id);
        assertThat(hit.path("title").asString()).isEqualTo("Quiet kettles for small kitchens");
        assertThat(hit.path("summary").asString()).isEqualTo("Five kettles, one winner.");
        assertThat(hit.path("author").asString()).isEqualTo("Nora Bell");
        assertThat(hit.path("category").asString()).isEqualTo("Kitchen");
        assertThat(hit.path("tags").path(1).asString()).isEqualTo("Small Spaces");
        assertThat(Instant.parse(hit.path("publishedAt").asString())).isEqualTo(publishedAt);
        assertThat(hit.path("highlights").path("body").path(0).asString()).contains("<em>" + word + "</em>");
        assertThat(results.has("nextCursor")).isFalse();
        assertThat(output).contains("[" + requestId + "]").contains("Indexed article " + id + " revision 1");
    }

    @Test
    void aTypoStillFindsTheReview() {
        String word = word();
        String id = id();
        events.send(published(
                id,
                1,
                Instant.now(),
                content(
                        "Tents that survive a " + word,
                        "Storm-proof shelters.",
                        "Outdoors",
                        List.of("camping"),
                        "Ilse Brandt",
                        "Pitched in wind and rain.",
                        List.of())));

        awaitHits("q", word);
        String typo = word.substring(0, 3) + (word.charAt(3) == 'x' ? 'y' : 'x') + word.substring(4);
        String swapped = word.substring(0, 5) + word.charAt(6) + word.charAt(5) + word.substring(7);

        assertThat(ids(api.search("q", typo))).containsExactly(id);
        assertThat(ids(api.search("q", swapped + " tents"))).containsExactly(id);
        JsonNode hit = api.search("q", typo).path("hits").path(0);
        assertThat(hit.path("highlights").path("title").path(0).asString()).contains("<em>" + word + "</em>");
    }

    @Test
    void aTypoInAWordTheStemmerShortensStillFindsTheReview() {
        String word = word();
        String id = id();
        events.send(published(
                id,
                1,
                Instant.now(),
                content(
                        "Running shoes and noise-cancelling headphones for the " + word + " marathon",
                        "Race-day kit.",
                        "Outdoors",
                        List.of("running"),
                        "Ilse Brandt",
                        "We ran in every pair.",
                        List.of())));
        awaitHits("q", word);

        // a slip changes the stem ("runnning" stems to "runnn", "cancellign" is no "cancel"): typos match the words
        assertThat(ids(api.search("q", "runnning shoes", "size", "100"))).contains(id);
        assertThat(ids(api.search("q", "noise-cancellign headphones", "size", "100")))
                .contains(id);
        assertThat(ids(api.search("q", "runnning shoes " + word))).containsExactly(id);
        JsonNode hit = api.search("q", "noise-cancellign headphones " + word)
                .path("hits")
                .path(0);
        assertThat(hit.path("id").asString()).isEqualTo(id);
        assertThat(hit.path("highlights").path("title").path(0).asString())
                .contains("<em>noise</em>")
                .contains("<em>headphones</em>");
    }

    @Test
    void readersFindInflectedPossessiveAndAccentedWordsAsTheyTypeThem() {
        String word = word();
        String id = id();
        events.send(published(
                id,
                1,
                Instant.now(),
                content(
                        "Crème Brûlée Torches for " + word + " Kitchens",
                        "Mara's favourite blowtorches.",
                        "Kitchen",
                        List.of("desserts"),
                        "Zoë Brontë",
                        "We caramelised **batches** of custard.",
                        List.of())));
        awaitHits("q", word);

        assertThat(ids(api.search("q", "creme brulee torch " + word)))
                .as("folding and stemming")
                .containsExactly(id);
        assertThat(ids(api.search("q", word + " kitchen")))
                .as("singular for plural")
                .containsExactly(id);
        assertThat(ids(api.search("q", "mara favourite " + word)))
                .as("possessive")
                .containsExactly(id);
        assertThat(ids(api.search("q", "batch " + word)))
                .as("a plural in a Markdown body")
                .containsExactly(id);
        JsonNode hit = api.search("q", "batch " + word).path("hits").path(0);
        assertThat(hit.path("highlights").path("body").path(0).asString())
                .as("bodies are indexed as the text readers see")
                .contains("<em>batches</em>")
                .doesNotContain("**");
    }

    @Test
    void priceBandsAreAMultiSelectFacet() {
        String word = word();
        String cheapProduct = id();
        String dearProduct = id();
        String cheap = id();
        String dear = id();
        events.send(product(cheapProduct, 1, "Budget " + word, "gear", "19.99"));
        RecordMetadata last = events.send(product(dearProduct, 1, "Flagship " + word, "gear", "649.00", "700.00"));
        await().atMost(PATIENCE).until(() -> events.consumed(last));
        events.send(published(
                cheap,
                1,
                Instant.now(),
                content("Cheap " + word, "s", "Audio", List.of(), "A", "b", List.of(cheapProduct))));
        events.send(published(
                dear,
                1,
                Instant.now(),
                content("Dear " + word, "s", "Audio", List.of(), "A", "b", List.of(dearProduct))));
        awaitHits("q", word);
        await().atMost(PATIENCE).until(() -> ids(api.search("q", word)).size() == 2);

        JsonNode all = api.search("q", word);
        assertThat(facet(all, "price", "under-25")).isEqualTo(1);
        assertThat(facet(all, "price", "500-plus")).isEqualTo(1);
        JsonNode under25 = api.search("q", word, "price", "under-25");
        assertThat(ids(under25)).containsExactly(cheap);
        assertThat(facet(under25, "price", "500-plus"))
                .as("a facet's own filter does not narrow its counts")
                .isEqualTo(1);
        assertThat(ids(api.search("q", word, "price", "under-25", "price", "500-plus")))
                .containsExactlyInAnyOrder(cheap, dear);
    }

    @Test
    void facetCountsHonourEveryFilterButTheirOwn() {
        String word = word();
        String gearId = id();
        events.send(product(gearId, 1, "Trail lamp " + word, "gear", "35.00"));
        String a = id();
        String b = id();
        String c = id();
        Instant now = Instant.now();
        events.send(published(
                a,
                1,
                now,
                content(
                        "Lamps A " + word,
                        "s",
                        "Audio",
                        List.of("Travel", "Studio"),
                        "Ada Marlowe",
                        "body",
                        List.of(gearId))));
        events.send(published(
                b,
                1,
                now,
                content("Lamps B " + word, "s", "Audio", List.of("Studio"), "Ben Okafor", "body", List.of())));
        events.send(published(
                c,
                1,
                now,
                content("Lamps C " + word, "s", "Outdoors", List.of("Travel"), "Ada Marlowe", "body", List.of())));
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode all = api.search("q", word);
            assertThat(all.path("total").asLong()).isEqualTo(3);
            assertThat(facet(all, "productKind", "gear")).isEqualTo(1);
        });

        JsonNode audio = api.search("q", word, "category", "audio");
        assertThat(ids(audio)).containsExactlyInAnyOrder(a, b);
        assertThat(facet(audio, "category", "Audio")).isEqualTo(2);
        assertThat(facet(audio, "category", "Outdoors")).isEqualTo(1);
        assertThat(facet(audio, "tag", "Studio")).isEqualTo(2);
        assertThat(facet(audio, "tag", "Travel")).isEqualTo(1);
        assertThat(facet(audio, "author", "Ada Marlowe")).isEqualTo(1);
        assertThat(facet(audio, "author", "Ben Okafor")).isEqualTo(1);
        assertThat(facet(audio, "productKind", "gear")).isEqualTo(1);

        JsonNode either = api.search("q", word, "category", "Audio", "category", "OUTDOORS");
        assertThat(either.path("total").asLong()).isEqualTo(3);

        JsonNode travelAudio = api.search("q", word, "category", "Audio", "tag", "travel");
        assertThat(ids(travelAudio)).containsExactly(a);
        assertThat(facet(travelAudio, "category", "Audio")).isEqualTo(1);
        assertThat(facet(travelAudio, "category", "Outdoors")).isEqualTo(1);
        assertThat(facet(travelAudio, "tag", "Studio")).isEqualTo(2);
        assertThat(facet(travelAudio, "tag", "Travel")).isEqualTo(1);

        JsonNode gear = api.search("q", word, "productKind", "Gear");
        assertThat(ids(gear)).containsExactly(a);
    }

    @Test
    void pagesFollowTheCursorToTheEnd() {
        String word = word();
        String category = "Pages " + word;
        List<String> newestFirst = new ArrayList<>();
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < 5; i++) {
            String id = id();
            newestFirst.addFirst(id);
            events.send(published(
                    id,
                    1,
                    start.plus(Duration.ofDays(i)),
                    content("Paging " + word + " " + i, "s", category, List.of(), "Pat", "body " + word, List.of())));
        }
        await().atMost(PATIENCE)
                .untilAsserted(() ->
                        assertThat(api.search("q", word).path("total").asLong()).isEqualTo(5));

        assertThat(allPages("q", word, "sort", "newest", "size", "2")).containsExactlyElementsOf(newestFirst);
        assertThat(allPages("category", category, "size", "2")).containsExactlyElementsOf(newestFirst);
        assertThat(allPages("q", word, "size", "2")).containsExactlyInAnyOrderElementsOf(newestFirst);
    }

    @Test
    void relevancePagesAfterTheFirstComeFromOnePointInTimeAndShowOnlyWhatIsStillPublished() {
        String word = word();
        String edited = word();
        Instant start = Instant.parse("2026-02-01T00:00:00Z");
        String top = id();
        events.send(published(
                top,
                1,
                start,
                content(
                        word + " " + word + " top pick",
                        word + " " + word,
                        "c",
                        List.of(),
                        "Pat",
                        "body " + word,
                        List.of())));
        List<String> others = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            String id = id();
            others.add(id);
            events.send(published(
                    id,
                    1,
                    start.plus(Duration.ofDays(i)),
                    content("Point " + i, "s", "c", List.of(), "Pat", "body " + word, List.of())));
        }
        await().atMost(PATIENCE)
                .untilAsserted(() ->
                        assertThat(api.search("q", word).path("total").asLong()).isEqualTo(7));

        JsonNode first = api.search("q", word, "size", "2");
        assertThat(ids(first).getFirst()).isEqualTo(top);
        JsonNode second = api.search(
                "q", word, "size", "2", "cursor", first.path("nextCursor").asString());
        List<String> seen = new ArrayList<>(ids(first));
        seen.addAll(ids(second));
        // Meanwhile the top pick is rewritten to score last, and the oldest other article is unpublished.
        events.send(published(
                top,
                2,
                start,
                content(
                        "Renamed " + edited,
                        "s",
                        "c",
                        List.of(),
                        "Pat",
                        "A much longer body that mentions " + word
                                + " only once among many other words of no interest.",
                        List.of())));
        String oldest = others.getFirst();
        events.send(withStatus(oldest, 2, ArticleStatus.UNPUBLISHED));
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(ids(api.search("q", edited))).containsExactly(top);
            assertThat(ids(api.search("q", word, "size", "10")))
                    .doesNotContain(oldest)
                    .endsWith(top);
        });

        String cursor = second.path("nextCursor").asString();
        while (cursor != null && !cursor.isEmpty()) {
            JsonNode page = api.search("q", word, "size", "2", "cursor", cursor);
            seen.addAll(ids(page));
            cursor = page.has("nextCursor") ? page.path("nextCursor").asString() : null;
        }
        // The point in time keeps the order pages began with: the top pick is not met again further down; the
        // unpublished article is left out of the page it would have been on.
        List<String> expected = new ArrayList<>(others);
        expected.remove(oldest);
        expected.add(top);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void duplicatesAndOlderRevisionsChangeNothing() {
        String word = word();
        String id = id();
        Instant now = Instant.now();
        events.send(published(id, 5, now, content("Alpha " + word, "s", "c", List.of(), "a", "body", List.of())));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(titleOf(word)).isEqualTo("Alpha " + word));

        events.send(published(id, 5, now, content("Alpha " + word, "s", "c", List.of(), "a", "body", List.of())));
        RecordMetadata older = events.send(
                published(id, 4, now, content("Beta " + word, "s", "c", List.of(), "a", "body", List.of())));
        await().atMost(PATIENCE).until(() -> events.consumed(older));

        assertThat(api.search("q", word).path("total").asLong()).isEqualTo(1);
        assertThat(titleOf(word)).isEqualTo("Alpha " + word);

        events.send(published(id, 6, now, content("Gamma " + word, "s", "c", List.of(), "a", "body", List.of())));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(titleOf(word)).isEqualTo("Gamma " + word));
    }

    @Test
    void anUnpublishedArticleLeavesSearchAndALateOlderPublishCannotBringItBack() {
        String word = word();
        String id = id();
        var first =
                published(id, 1, Instant.now(), content("Fleeting " + word, "s", "c", List.of(), "a", "b", List.of()));
        events.send(first);
        awaitHits("q", word);

        events.send(withStatus(id, 2, ArticleStatus.UNPUBLISHED));
        await().atMost(PATIENCE)
                .untilAsserted(() ->
                        assertThat(api.search("q", word).path("total").asLong()).isZero());

        RecordMetadata replay = events.send(first);
        await().atMost(PATIENCE).until(() -> events.consumed(replay));
        assertThat(api.search("q", word).path("total").asLong()).isZero();
        assertThat(api.related(id).getStatus()).isEqualTo(404);

        events.send(published(
                id, 3, Instant.now(), content("Back again " + word, "s", "c", List.of(), "a", "b", List.of())));
        awaitHits("q", word);
        RecordMetadata deleted = events.send(removed(id, 4));
        await().atMost(PATIENCE)
                .untilAsserted(() ->
                        assertThat(api.search("q", word).path("total").asLong()).isZero());
        RecordMetadata replayAgain = events.send(first);
        await().atMost(PATIENCE).until(() -> events.consumed(replayAgain) && events.consumed(deleted));
        assertThat(api.search("q", word).path("total").asLong()).isZero();
        assertThat(api.suggest(word.substring(0, 5)).path("suggestions")).isEmpty();
    }

    @Test
    void aProductsPriceChangeShowsInTheHit() {
        String word = word();
        String productId = id();
        String lateProductId = id();
        String id = id();
        events.send(product(productId, 1, "Ridgeline " + word, "gear", "149.00", "129.00"));
        events.send(published(
                id,
                1,
                Instant.now(),
                content(
                        "Boots for wet hills",
                        "s",
                        "Outdoors",
                        List.of(),
                        "a",
                        "Grippy soles.",
                        List.of(productId, lateProductId))));

        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode products = api.search("q", word).path("hits").path(0).path("products");
            assertThat(products).hasSize(1);
            assertThat(products.path(0).path("id").asString()).isEqualTo(productId);
            assertThat(products.path(0).path("name").asString()).isEqualTo("Ridgeline " + word);
            assertThat(products.path(0).path("kind").asString()).isEqualTo("gear");
            assertThat(products.path(0).path("price").path("amount").asString()).isEqualTo("129.00");
            assertThat(products.path(0).path("price").path("currency").asString())
                    .isEqualTo("USD");
        });

        events.send(product(productId, 2, "Ridgeline " + word, "gear", "99.50"));
        long sent = System.nanoTime();
        await().atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(50))
                .untilAsserted(
                        () -> assertThat(firstPrice(api.search("q", word))).isEqualTo("99.50"));
        FRESHNESS_MILLIS.add((System.nanoTime() - sent) / 1_000_000);

        RecordMetadata stale = events.send(product(productId, 1, "Ridgeline " + word, "gear", "149.00"));
        await().atMost(PATIENCE).until(() -> events.consumed(stale));
        assertThat(firstPrice(api.search("q", word))).isEqualTo("99.50");

        // A product announced after the article still joins it.
        events.send(product(lateProductId, 1, "Latecomer " + word, "gear", "10.00"));
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(
                                api.search("q", word).path("hits").path(0).path("products"))
                        .extracting(p -> p.path("id").asString())
                        .containsExactly(productId, lateProductId));

        events.send(new ProductRemoved(productId, 3, Instant.now()));
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(api.search("q", "latecomer " + word)
                                .path("hits")
                                .path(0)
                                .path("products"))
                        .extracting(p -> p.path("id").asString())
                        .containsExactly(lateProductId));
    }

    @Test
    void suggestionsCompleteAnyWordOfATitle() {
        String word = word();
        String id = id();
        events.send(published(
                id,
                1,
                Instant.now(),
                content("Lanterns for " + word + " evenings", "s", "c", List.of(), "a", "b", List.of())));
        awaitHits("q", word);

        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode suggestions = api.suggest(word.substring(0, 5)).path("suggestions");
            assertThat(suggestions).extracting(s -> s.path("slug").asString()).contains("slug-" + id);
            assertThat(suggestions)
                    .extracting(s -> s.path("text").asString())
                    .contains("Lanterns for " + word + " evenings");
        });
        assertThat(api.suggest("").path("suggestions")).isEmpty();
    }

    @Test
    void relatedReviewsShareTheirWordsButNeverIncludeTheArticle() {
        String[] words = {word(), word(), word(), word()};
        String shared = String.join(" ", words);
        String a = id();
        String b = id();
        String c = id();
        events.send(published(
                a, 1, Instant.now(), standalone("Espresso " + words[0], "Coffee", shared + " espresso grinders burr")));
        events.send(published(
                b,
                1,
                Instant.now(),
                standalone("More espresso " + words[1], "Coffee", shared + " espresso machines boiler")));
        events.send(
                published(c, 1, Instant.now(), standalone("Garden " + word(), "Garden", "hoses and rakes for lawns")));
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(api.search("q", words[0] + " " + words[1])
                                .path("total")
                                .asLong())
                        .isEqualTo(2));
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(api.search("q", "hoses rakes lawns")
                                .path("total")
                                .asLong())
                        .isGreaterThanOrEqualTo(1));

        JsonNode related = SearchApi.json(api.related(a));
        assertThat(ids(related)).contains(b).doesNotContain(a, c);
        assertThat(api.related(id()).getStatus()).isEqualTo(404);
    }

    /** Content without the shared boilerplate of {@link Events#content}, so only its own words relate it. */
    private static ArticleContent standalone(String title, String category, String body) {
        return new ArticleContent(
                title,
                title,
                category,
                List.of(),
                new ArticleContent.Author("Sam", null),
                body,
                List.of(new ArticleContent.Entry(1, null, title, body, List.of())),
                List.of());
    }

    @Test
    void readinessIncludesElasticsearchKafkaAndTheConsumersShareOfPartitions() throws Exception {
        // ready once both consumers have joined their group, which may take a moment after the start
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var response =
                    mvc.perform(get("/actuator/health/readiness")).andReturn().getResponse();
            assertThat(response.getStatus()).isEqualTo(200);
            JsonNode readiness = SearchApi.json(response);
            assertThat(readiness.path("status").asString()).isEqualTo("UP");
            for (String part : List.of("elasticsearch", "binders", "partitions")) {
                assertThat(readiness
                                .path("components")
                                .path(part)
                                .path("status")
                                .asString())
                        .as(part)
                        .isEqualTo("UP");
            }
        });
        var health = mvc.perform(get("/actuator/health")).andReturn().getResponse();
        assertThat(health.getStatus()).isEqualTo(200);
    }

    private JsonNode awaitHits(String... params) {
        return await().atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(25))
                .until(
                        () -> api.search(params),
                        results -> results.path("total").asLong() > 0);
    }

    private String titleOf(String word) {
        return api.search("q", word).path("hits").path(0).path("title").asString();
    }

    private List<String> allPages(String... params) {
        List<String> seen = new ArrayList<>();
        Set<String> cursors = new HashSet<>();
        String cursor = null;
        do {
            List<String> withCursor = new ArrayList<>(List.of(params));
            if (cursor != null) {
                withCursor.add("cursor");
                withCursor.add(cursor);
            }
            JsonNode page = api.search(withCursor.toArray(String[]::new));
            seen.addAll(ids(page));
            cursor = page.has("nextCursor") ? page.path("nextCursor").asString() : null;
            assertThat(cursor == null || cursors.add(cursor)).isTrue();
        } while (cursor != null);
        return seen;
    }
}
