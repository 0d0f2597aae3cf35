package io.roundup.e2e;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
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
 * purpose: this is latency, not throughput. With {@code -Dbenchmark.rate=N} it runs open loop instead: drafts made
 * first, then {@code N} publishes a second on schedule whatever the answers, each timed until search-service announces
 * it searchable, and reports the throughput reached beside the latency.
 *
 * <p>Either way it breaks the time down ({@link FreshnessTrace}, {@link SearchServiceMetrics}): publish answer → the
 * event on Kafka (article-service's relay), → search-service's announcement that a refresh made it visible (Kafka,
 * consume, bulk, refresh; split further by search-service's own timers), → the reader's search that found it. A
 * measurement, not a test: it runs only with {@code -Pbenchmarks}.
 */
class PublishToSearchableBenchmark {

    /** Publishes a second, open loop; 0 (the default) for one publish after another, each awaited by a reader. */
    static final int RATE = Integer.getInteger("benchmark.rate", 0);

    static final int PUBLISHES = Integer.getInteger("benchmark.publishes", RATE > 0 ? RATE * 20 : 200);
    static final int WARM_UP_PUBLISHES = 10;
    static final int UNPUBLISH_EVERY = 4;
    static final long POLL_MILLIS = 20;
    /** Past this an article counts as missed rather than slow; the API promises two seconds. */
    static final Duration GIVE_UP = Duration.ofSeconds(30);

    private static LaunchedRoundup roundup;
    private static Gateway gateway;
    private static String editorToken;
    private static FreshnessTrace trace;

    @BeforeAll
    static void startPlatform() throws IOException {
        // open loop is one address sending a hundred writes a second: the per-address budgets would refuse it
        roundup = Benchmarks.startPlatform(RATE > 0 ? Map.of("ROUNDUP_RATELIMIT_ENABLED", "false") : Map.of());
        gateway = new Gateway(roundup.gatewayUri());
        editorToken = gateway.token("editor", roundup.editorPassword());
        trace = new FreshnessTrace(roundup.kafkaBootstrapServers());
    }

    @AfterAll
    static void stopPlatform() {
        if (trace != null) {
            trace.close();
        }
        Benchmarks.stopPlatform(roundup);
    }

    @Test
    void publishToSearchable() throws InterruptedException {
        String productId = anExistingProduct();
        for (int i = 0; i < WARM_UP_PUBLISHES; i++) {
            publishAndWait(productId, false);
        }
        if (RATE > 0) {
            openLoop(productId);
            return;
        }
        String loadBefore = SearchThroughputBenchmark.loadAverage();
        SearchServiceMetrics.Scrape metricsBefore = SearchServiceMetrics.scrape(roundup.searchServiceUri());
        List<Sample> samples = new ArrayList<>();

        List<Long> publishCall = new ArrayList<>();
        List<Long> toSearchable = new ArrayList<>();
        List<Long> toFindingQuerySent = new ArrayList<>();
        List<Long> toGone = new ArrayList<>();
        int missed = 0;
        int stillFound = 0;
        long started = System.nanoTime();
        for (int i = 1; i <= PUBLISHES; i++) {
            Sample sample = publishAndWait(productId, i % UNPUBLISH_EVERY == 0);
            samples.add(sample);
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
        SearchServiceMetrics.Scrape metricsAfter = SearchServiceMetrics.scrape(roundup.searchServiceUri());
        String loadAfter = SearchThroughputBenchmark.loadAverage();

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
        Map<String, Object> breakdown = breakdown(samples, metricsBefore, metricsAfter);
        System.out.printf("  load average before: %s, after: %s%n%n", loadBefore, loadAfter);

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
        results.put("breakdown", breakdown);
        results.put("loadAverageBefore", loadBefore);
        results.put("loadAverageAfter", loadAfter);
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
     * Where the time went, per article from the topics and for the whole run from search-service's timers; prints the
     * table and answers it for the JSON.
     */
    private static Map<String, Object> breakdown(
            List<Sample> samples, SearchServiceMetrics.Scrape before, SearchServiceMetrics.Scrape after) {
        List<Long> announce = new ArrayList<>();
        List<Long> toVisible = new ArrayList<>();
        List<Long> visibleToFound = new ArrayList<>();
        List<Long> answeredToVisible = new ArrayList<>();
        awaitTrace(samples.stream().map(Sample::articleId).toList(), Duration.ofSeconds(10));
        for (Sample sample : samples) {
            Optional<FreshnessTrace.Announced> onKafka = trace.published(sample.articleId());
            Optional<FreshnessTrace.Visible> visible =
                    onKafka.flatMap(a -> trace.visible(sample.articleId(), a.revision(), true));
            if (onKafka.isEmpty() || visible.isEmpty()) {
                continue;
            }
            Instant kafka = onKafka.get().recordTime();
            Instant shown = visible.get().indexedAt();
            announce.add(nanos(sample.publishAnswered(), kafka));
            toVisible.add(nanos(kafka, shown));
            answeredToVisible.add(nanos(sample.publishAnswered(), shown));
            if (sample.searchableNanos() >= 0) {
                Instant found = sample.publishAnswered().plusNanos(sample.searchableNanos());
                visibleToFound.add(nanos(shown, found));
            }
        }
        Map<String, Object> stages = new LinkedHashMap<>();
        stages.put("publishAnsweredToEventOnKafka", Latencies.ofNanos(announce));
        stages.put("eventOnKafkaToVisible", Latencies.ofNanos(toVisible));
        stages.put("visibleToReadersSearchAnswered", Latencies.ofNanos(visibleToFound));
        stages.put("publishAnsweredToVisible", Latencies.ofNanos(answeredToVisible));
        Map<String, Object> eventToBulkWritten = SearchServiceMetrics.between(
                before, after, "roundup_search_publish_to_searchable_seconds", "topic=\"roundup.articles\"");
        Map<String, Object> bulk = SearchServiceMetrics.between(before, after, "roundup_search_bulk_seconds", "");
        Map<String, Object> refreshWait =
                SearchServiceMetrics.between(before, after, "roundup_search_indexed_wait_seconds", "");
        Map<String, Object> refresh =
                SearchServiceMetrics.between(before, after, "roundup_search_indexed_refresh_seconds", "");
        stages.put("searchServiceEventToBulkWritten", eventToBulkWritten);
        stages.put("searchServiceBulk", bulk);
        stages.put("searchServiceRefreshWait", refreshWait);
        stages.put("searchServiceRefresh", refresh);

        System.out.println("  breakdown, per article (record timestamps and search-service's announcements):");
        row("  answer -> event on Kafka (relay)", (Latencies) stages.get("publishAnsweredToEventOnKafka"), 0);
        row("  Kafka -> visible (consume..refresh)", (Latencies) stages.get("eventOnKafkaToVisible"), 0);
        row("  visible -> reader's search answered", (Latencies) stages.get("visibleToReadersSearchAnswered"), 0);
        row("  answer -> visible", (Latencies) stages.get("publishAnsweredToVisible"), 0);
        double toWritten = (Double) eventToBulkWritten.get("meanMs");
        double bulkMean = (Double) bulk.get("meanMs");
        double visibleMean = ((Latencies) stages.get("eventOnKafkaToVisible")).meanMs();
        System.out.printf(
                "  search-service's timers (run means): event -> bulk written %.1f ms (p50 <= %s, p99 <= %s), of"
                        + " which the bulk %.1f ms over %d bulks; so Kafka + consume ~%.1f ms and refresh + announce"
                        + " ~%.1f ms%n",
                toWritten,
                eventToBulkWritten.get("p50AtMostMs"),
                eventToBulkWritten.get("p99AtMostMs"),
                bulkMean,
                (Long) bulk.get("count"),
                toWritten - bulkMean,
                visibleMean - toWritten);
        System.out.printf(
                "  search-service's refreshes: %d, waited %.1f ms and took %.1f ms on average%n",
                (Long) refresh.get("count"), (Double) refreshWait.get("meanMs"), (Double) refresh.get("meanMs"));
        stages.put("kafkaAndConsumeMeanMs", Math.round((toWritten - bulkMean) * 10) / 10.0);
        stages.put("refreshAndAnnounceMeanMs", Math.round((visibleMean - toWritten) * 10) / 10.0);
        return stages;
    }

    private static void awaitTrace(List<String> ids, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline
                && !ids.stream()
                        .allMatch(id -> trace.published(id)
                                .flatMap(a -> trace.visible(id, a.revision(), true))
                                .isPresent())) {
            sleepNanos(50_000_000);
        }
    }

    private static long nanos(Instant from, Instant to) {
        return Duration.between(from, to).toNanos();
    }

    /**
     * {@value #PUBLISHES} drafts made first, then published at {@link #RATE} a second on schedule (a publish is sent at
     * its time whether or not the ones before it were answered), each timed until search-service announces its
     * revision visible: the throughput reached and the latency together.
     */
    private static void openLoop(String productId) throws InterruptedException {
        System.out.printf("[bench] open loop: making %d drafts%n", PUBLISHES);
        List<String> drafts = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Semaphore inFlight = new Semaphore(8);
            List<java.util.concurrent.Future<String>> made = new ArrayList<>();
            for (int i = 0; i < PUBLISHES; i++) {
                inFlight.acquire();
                made.add(threads.submit(() -> {
                    try {
                        Gateway.Response draft =
                                gateway.post("/api/articles", editorToken, article(uniqueWord(), productId));
                        expect(draft, 201);
                        return draft.json().get("id").asString();
                    } finally {
                        inFlight.release();
                    }
                }));
            }
            for (java.util.concurrent.Future<String> id : made) {
                try {
                    drafts.add(id.get());
                } catch (java.util.concurrent.ExecutionException ex) {
                    throw new AssertionError("a draft failed", ex.getCause());
                }
            }
        }

        String loadBefore = SearchThroughputBenchmark.loadAverage();
        SearchServiceMetrics.Scrape metricsBefore = SearchServiceMetrics.scrape(roundup.searchServiceUri());
        System.out.printf("[bench] open loop: %d publishes at %d/s (load average %s)%n", PUBLISHES, RATE, loadBefore);
        Map<Integer, Sample> samples = new ConcurrentHashMap<>();
        AtomicInteger failed = new AtomicInteger();
        long start = System.nanoTime() + 100_000_000;
        Instant startedAt = Instant.now().plusMillis(100);
        long[] answeredNanos = new long[PUBLISHES];
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < PUBLISHES; i++) {
                long due = start + Math.round(i * 1e9 / RATE);
                long pause = due - System.nanoTime();
                if (pause > 0) {
                    sleepNanos(pause);
                }
                int n = i;
                threads.submit(() -> {
                    String id = drafts.get(n);
                    Gateway.Response published = gateway.post("/api/articles/" + id + "/publish", editorToken, "{}");
                    long answered = System.nanoTime();
                    Instant answeredAt = Instant.now();
                    answeredNanos[n] = answered;
                    if (published.status() != 200) {
                        failed.incrementAndGet();
                        return;
                    }
                    // the call is timed from when it was due, so a client falling behind shows as latency
                    samples.put(n, new Sample(id, answeredAt, answered - due, -1, -1, null));
                });
            }
        }
        double sendSeconds = (java.util.Arrays.stream(answeredNanos).max().orElse(start) - start) / 1e9;
        List<Sample> answered = samples.values().stream().toList();
        awaitTrace(answered.stream().map(Sample::articleId).toList(), Duration.ofSeconds(60));
        SearchServiceMetrics.Scrape metricsAfter = SearchServiceMetrics.scrape(roundup.searchServiceUri());
        String loadAfter = SearchThroughputBenchmark.loadAverage();

        Instant lastVisible = startedAt;
        int visible = 0;
        for (Sample sample : answered) {
            Optional<Instant> shown = trace.published(sample.articleId())
                    .flatMap(a -> trace.visible(sample.articleId(), a.revision(), true))
                    .map(FreshnessTrace.Visible::indexedAt);
            if (shown.isPresent()) {
                visible++;
                lastVisible = shown.get().isAfter(lastVisible) ? shown.get() : lastVisible;
            }
        }
        double visibleSeconds = Duration.between(startedAt, lastVisible).toNanos() / 1e9;
        Latencies call = Latencies.ofNanos(
                answered.stream().map(Sample::publishCallNanos).toList());

        System.out.printf(
                "%n[bench] PublishToSearchableBenchmark, open loop: %d publishes scheduled at %d/s%n", PUBLISHES, RATE);
        System.out.printf(
                "  publishes answered: %d (%d failed) in %.1f s = %.1f/s; announced visible: %d, the last %.1f s after"
                        + " the first was due = %.1f/s%n",
                answered.size(),
                failed.get(),
                sendSeconds,
                answered.size() / sendSeconds,
                visible,
                visibleSeconds,
                visible / visibleSeconds);
        System.out.printf(
                "  %-34s %6s %8s %8s %8s %8s %8s%n", "measure (ms)", "n", "p50", "p90", "p99", "max", "missed");
        row("publish due -> answered", call, failed.get());
        Map<String, Object> breakdown = breakdown(answered, metricsBefore, metricsAfter);
        System.out.printf("  load average before: %s, after: %s%n%n", loadBefore, loadAfter);

        Map<String, Object> results = new LinkedHashMap<>();
        results.put("mode", "open loop");
        results.put("ratePerSecond", RATE);
        results.put("publishes", PUBLISHES);
        results.put("publishesAnswered", answered.size());
        results.put("publishesFailed", failed.get());
        results.put("answeredPerSecond", Math.round(answered.size() / sendSeconds * 10) / 10.0);
        results.put("announcedVisible", visible);
        results.put("visiblePerSecond", Math.round(visible / visibleSeconds * 10) / 10.0);
        results.put("publishDueToAnswered", call);
        results.put("breakdown", breakdown);
        results.put("loadAverageBefore", loadBefore);
        results.put("loadAverageAfter", loadAfter);
        Benchmarks.write("publish-to-searchable-rate-" + RATE, results);
    }

    /**
     * Times in nanoseconds from the publish answer: to the answer of the first search that found the article (-1 when
     * none did within {@link #GIVE_UP}) and to when that search was sent; from the unpublish answer until a search no
     * longer found it ({@code null} when not unpublished).
     */
    private record Sample(
            String articleId,
            Instant publishAnswered,
            long publishCallNanos,
            long searchableNanos,
            long findingQuerySentNanos,
            Long goneNanos) {}

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
        Instant answeredAt = Instant.now();
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
                ? new Sample(id, answeredAt, publishAnswered - publishSent, -1, -1, gone)
                : new Sample(
                        id,
                        answeredAt,
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
