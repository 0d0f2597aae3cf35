package io.roundup.e2e;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * How long readers wait for a review the editor has just published: for each of {@value #PUBLISHES} fresh articles,
 * one after another, the time from the answer to {@code POST /api/articles/{id}/publish} until a
 * {@code GET /api/search} polled every {@value #POLL_MILLIS} ms first returns it (and, for every
 * {@value #UNPUBLISH_EVERY}th, from the answer to {@code unpublish} until search no longer returns it). Sequential on
 * purpose: this is latency, not throughput. A measurement, not a test: it runs only with {@code -Pbenchmarks}.
 */
class PublishToSearchableBenchmark {

    static final int PUBLISHES = Integer.getInteger("benchmark.publishes", 200);
    static final int WARM_UP_PUBLISHES = 10;
    static final int UNPUBLISH_EVERY = 4;
    static final long POLL_MILLIS = 20;
    /** Past this an article counts as missed rather than slow; the API promises two seconds. */
    static final Duration GIVE_UP = Duration.ofSeconds(30);

    private static LaunchedRoundup roundup;
    private static Gateway gateway;
    private static String editorToken;

    @BeforeAll
    static void startPlatform() throws IOException {
        roundup = Benchmarks.startPlatform();
        gateway = new Gateway(roundup.gatewayUri());
        editorToken = gateway.token("editor", roundup.editorPassword());
    }

    @AfterAll
    static void stopPlatform() {
        Benchmarks.stopPlatform(roundup);
    }

    @Test
    void publishToSearchable() {
        String productId = anExistingProduct();
        for (int i = 0; i < WARM_UP_PUBLISHES; i++) {
            publishAndWait(productId, false);
        }

        List<Long> publishCall = new ArrayList<>();
        List<Long> toSearchable = new ArrayList<>();
        List<Long> toFindingQuerySent = new ArrayList<>();
        List<Long> toGone = new ArrayList<>();
        int missed = 0;
        int stillFound = 0;
        long started = System.nanoTime();
        for (int i = 1; i <= PUBLISHES; i++) {
            Sample sample = publishAndWait(productId, i % UNPUBLISH_EVERY == 0);
            publishCall.add(sample.publishCallNanos());
            if (sample.searchableNanos() < 0) {
                missed++;
            } else {
                toSearchable.add(sample.searchableNanos());
                toFindingQuerySent.add(sample.findingQuerySentNanos());
            }
            if (sample.goneNanos() != null) {
                if (sample.goneNanos() < 0) {
                    stillFound++;
                } else {
                    toGone.add(sample.goneNanos());
                }
            }
            if (i % 25 == 0) {
                System.out.printf(
                        "[bench] %d/%d publishes, last searchable after %.0f ms%n",
                        i, PUBLISHES, sample.searchableNanos() / 1e6);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        Latencies searchable = Latencies.ofNanos(toSearchable);
        Latencies findingQuerySent = Latencies.ofNanos(toFindingQuerySent);
        Latencies gone = Latencies.ofNanos(toGone);
        Latencies call = Latencies.ofNanos(publishCall);
        System.out.printf(
                "%n[bench] PublishToSearchableBenchmark: %d publishes (after %d warm-up), polled every %d ms,"
                        + " %.0f s%n",
                PUBLISHES, WARM_UP_PUBLISHES, POLL_MILLIS, seconds);
        System.out.printf(
                "  %-34s %6s %8s %8s %8s %8s %8s%n", "measure (ms)", "n", "p50", "p90", "p99", "max", "missed");
        row("publish answered -> searchable", searchable, missed);
        row("  ... -> finding search sent", findingQuerySent, missed);
        row("unpublish answered -> gone", gone, stillFound);
        row("publish call itself", call, 0);
        System.out.println();

        Map<String, Object> results = new LinkedHashMap<>();
        results.put("publishes", PUBLISHES);
        results.put("warmUpPublishes", WARM_UP_PUBLISHES);
        results.put("pollIntervalMs", POLL_MILLIS);
        results.put("giveUpAfterMs", GIVE_UP.toMillis());
        results.put("publishToSearchable", searchable);
        results.put("publishToSearchableMissed", missed);
        results.put("publishToFindingSearchSent", findingQuerySent);
        results.put("unpublishToGone", gone);
        results.put("unpublishToGoneStillFound", stillFound);
        results.put("publishCall", call);
        results.put(
                "publishToSearchableSamplesMs",
                toSearchable.stream().map(n -> Math.round(n / 1e5) / 10.0).toList());
        Benchmarks.write("publish-to-searchable", results);
    }

    private static void row(String name, Latencies l, int missed) {
        System.out.printf(
                "  %-34s %6d %8.1f %8.1f %8.1f %8.1f %8d%n",
                name, l.count(), l.p50Ms(), l.p90Ms(), l.p99Ms(), l.maxMs(), missed);
    }

    /**
     * Times in nanoseconds from the publish answer: to the answer of the first search that found the article (-1 when
     * none did within {@link #GIVE_UP}) and to when that search was sent; from the unpublish answer until a search no
     * longer found it ({@code null} when not unpublished).
     */
    private record Sample(long publishCallNanos, long searchableNanos, long findingQuerySentNanos, Long goneNanos) {}

    /** When the search that saw the change was sent and answered, in {@link System#nanoTime()}; null if none did. */
    private record Seen(long sent, long answered) {}

    private static Sample publishAndWait(String productId, boolean unpublishAfterwards) {
        String word = uniqueWord();
        Gateway.Response draft = gateway.post("/api/articles", editorToken, article(word, productId));
        expect(draft, 201);
        String id = draft.json().get("id").asString();

        long publishSent = System.nanoTime();
        Gateway.Response published = gateway.post("/api/articles/" + id + "/publish", editorToken, "{}");
        long publishAnswered = System.nanoTime();
        expect(published, 200);
        Seen found = waitUntil(word, hits -> hits.contains(id), publishAnswered);

        Long gone = null;
        if (unpublishAfterwards && found != null) {
            Gateway.Response unpublished = gateway.post("/api/articles/" + id + "/unpublish", editorToken, "{}");
            long unpublishAnswered = System.nanoTime();
            expect(unpublished, 200);
            Seen left = waitUntil(word, hits -> !hits.contains(id), unpublishAnswered);
            gone = left == null ? -1 : left.answered() - unpublishAnswered;
        }
        return found == null
                ? new Sample(publishAnswered - publishSent, -1, -1, gone)
                : new Sample(
                        publishAnswered - publishSent,
                        found.answered() - publishAnswered,
                        found.sent() - publishAnswered,
                        gone);
    }

    /**
     * Polls the reader's search for {@code word} every {@value #POLL_MILLIS} ms (start to start) until the hit ids
     * satisfy {@code done}; returns when the search that did was sent and answered, or null after {@link #GIVE_UP}.
     */
    private static Seen waitUntil(String word, Predicate<List<String>> done, long since) {
        long deadline = since + GIVE_UP.toNanos();
        long nextPoll = System.nanoTime();
        while (System.nanoTime() < deadline) {
            long sent = System.nanoTime();
            Gateway.Response response = gateway.get("/api/search?q=" + word);
            long answered = System.nanoTime();
            if (response.status() == 200 && done.test(hitIds(response.json()))) {
                return new Seen(sent, answered);
            }
            nextPoll += POLL_MILLIS * 1_000_000;
            long pause = nextPoll - System.nanoTime();
            if (pause > 0) {
                sleepNanos(pause);
            } else {
                nextPoll = System.nanoTime();
            }
        }
        return null;
    }

    private static List<String> hitIds(JsonNode found) {
        return found.get("hits")
                .valueStream()
                .map(hit -> hit.get("id").asString())
                .toList();
    }

    /** A demo product: the articles review something the catalog has, as editors' articles do. */
    private static String anExistingProduct() {
        Gateway.Response products = gateway.get("/api/products?size=1", editorToken);
        expect(products, 200);
        JsonNode first = products.json().at("/items/0/id");
        if (first.isMissingNode()) {
            throw new AssertionError("no product in the catalog (was the demo content seeded?): " + products.body());
        }
        return first.asString();
    }

    private static Map<String, Object> article(String word, String productId) {
        return Map.of(
                "title",
                "The Best " + capitalized(word) + " Kettles for Slow Mornings",
                "summary",
                "Five kettles that pour steadily and keep quiet while they heat.",
                "category",
                "Kitchen",
                "tags",
                List.of("kettles", "tea", "benchmark"),
                "author",
                Map.of("name", "Bench Marker", "bio", "Publishes reviews against a stopwatch."),
                "intro",
                "A kettle should boil quickly, pour **without dribbling** and switch off reliably.",
                "entries",
                List.of(Map.of(
                        "rank",
                        1,
                        "productId",
                        productId,
                        "heading",
                        "Best overall",
                        "body",
                        "It heats a litre in under three minutes and the spout never drips.",
                        "features",
                        List.of(Map.of("name", "Capacity", "description", "1.2 litres")))),
                "sections",
                List.of(Map.of("heading", "Buying guide", "body", "Check the lid opens one-handed.")));
    }

    /** Ten random letters: almost surely more than two edits from any other such word, so fuzzy search keeps them apart. */
    private static String uniqueWord() {
        StringBuilder word = new StringBuilder("q");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 9; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    private static String capitalized(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static void expect(Gateway.Response response, int status) {
        if (response.status() != status) {
            throw new AssertionError("expected " + status + " but got " + response);
        }
    }

    private static void sleepNanos(long nanos) {
        try {
            Thread.sleep(Duration.ofNanos(nanos));
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
    }
}
