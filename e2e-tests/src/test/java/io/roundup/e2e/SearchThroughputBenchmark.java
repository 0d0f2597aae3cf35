package io.roundup.e2e;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What search costs readers: a fixed list of reader queries over the demo content, sent in a closed loop by N clients
 * for a fixed time after a warm-up, once through the gateway ({@code GET /api/search?q=…}) and once straight to
 * Elasticsearch with the body search-service sends (see {@link #directElasticsearchQuery}). The difference between
 * the two is what the gateway and search-service add. A measurement, not a test: it runs only with
 * {@code -Pbenchmarks}.
 */
class SearchThroughputBenchmark {

    /** What readers type for the demo roundups, with two typos. */
    static final List<String> QUERIES = List.of(
            "noise cancelling",
            "noise cancelling headphones",
            "headphones travel",
            "wireless headphones for calls",
            "espresso",
            "espresso grinder",
            "hand grinder",
            "home cafe",
            "heist movies",
            "blu-ray classics",
            "science fiction novels",
            "sci-fi for beginners",
            "asimov foundation",
            "jazz vinyl",
            "miles davis kind of blue",
            "coltrane",
            "ultralight tent",
            "backpacking tent for two",
            "headphnes",
            "expresso");

    static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("benchmark.warmup-seconds", 5));
    static final Duration MEASURED = Duration.ofSeconds(Long.getLong("benchmark.seconds", 20));
    static final List<Integer> CLIENTS = Arrays.stream(
                    System.getProperty("benchmark.clients", "4,16").split(","))
            .map(String::strip)
            .map(Integer::valueOf)
            .toList();
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** The page size search-service asks Elasticsearch for: the API's default of 10, plus one to see a next page. */
    static final int ES_PAGE = 11;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** For the checks around the measured runs; each run has a client of its own. */
    private static final HttpClient CHECKS =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static LaunchedRoundup roundup;

    @BeforeAll
    static void startPlatform() throws IOException {
        roundup = Benchmarks.startPlatform();
    }

    @AfterAll
    static void stopPlatform() {
        Benchmarks.stopPlatform(roundup);
    }

    @Test
    void searchThroughput() throws InterruptedException {
        List<HttpRequest> viaGateway =
                QUERIES.stream().map(SearchThroughputBenchmark::gatewayRequest).toList();
        List<HttpRequest> direct = QUERIES.stream()
                .map(SearchThroughputBenchmark::elasticsearchRequest)
                .toList();
        awaitDemoContentSearchable();
        List<Map<String, Object>> comparison = compareAnswers(viaGateway, direct);

        List<Run> runs = new ArrayList<>();
        for (int clients : CLIENTS) {
            runs.add(run("gateway", viaGateway, clients));
            runs.add(run("elasticsearch", direct, clients));
        }

        System.out.printf(
                "%n[bench] SearchThroughputBenchmark: %d queries, %d s measured after %d s warm-up, closed loop%n",
                QUERIES.size(), MEASURED.toSeconds(), WARM_UP.toSeconds());
        System.out.printf(
                "  %-14s %7s %9s %9s %8s %8s %8s %7s%n",
                "target", "clients", "requests", "req/s", "p50 ms", "p90 ms", "p99 ms", "errors");
        for (Run run : runs) {
            System.out.printf(
                    "  %-14s %7d %9d %9.1f %8.1f %8.1f %8.1f %7d%n",
                    run.target(),
                    run.clients(),
                    run.latency().count(),
                    run.requestsPerSecond(),
                    run.latency().p50Ms(),
                    run.latency().p90Ms(),
                    run.latency().p99Ms(),
                    run.errors());
        }
        System.out.println();

        Map<String, Object> results = new LinkedHashMap<>();
        results.put("queries", QUERIES);
        results.put("warmUpSeconds", WARM_UP.toSeconds());
        results.put("measuredSeconds", MEASURED.toSeconds());
        results.put("runs", runs);
        results.put("answersCompared", comparison);
        results.put("elasticsearchBodyExample", directElasticsearchQuery(QUERIES.getFirst()));
        Benchmarks.write("search-throughput", results);
    }

    /**
     * The body search-service sends Elasticsearch for {@code GET /api/search?q=<text>} (no filters, relevance order,
     * first page of ten), rebuilt from search-service's {@code ReviewSearch} ({@code search}, {@code mainQuery},
     * {@code facetAggregation}, {@code priceAggregation}, {@code highlight}) as it stands in this session: the
     * published filter; every word (most, past two) must match {@code all_text}, typo-tolerant on the synonym-free
     * {@code prose} analyzer or as written with synonyms; should clauses for fuzzy and synonym best_fields and for the
     * phrase, over the same fields and boosts; the four term facets and the price bands; the highlight with its own
     * query (the words as written, or one edit away). When
     * {@code ReviewSearch} changes, change this to match: the benchmark prints the queries where the two answers differ.
     */
    static Map<String, Object> directElasticsearchQuery(String text) {
        List<String> textFields = List.of(
                "title^3",
                "products.name^3",
                "summary^2",
                "entries.heading^2",
                "intro",
                "entries.body",
                "entries.features.name",
                "entries.features.description",
                "sections.heading",
                "sections.body",
                "author.text");
        List<String> phraseFields =
                List.of("title^3", "summary^2", "intro", "entries.heading", "entries.body", "sections.body");
        String exactAnalyzer = "prose";
        String mostWords = "2<-25%";
        Map<String, Object> noFacetFilter = object("bool", object());

        Map<String, Object> everyWord = object(
                "bool",
                object(
                        "should",
                        List.of(
                                object(
                                        "match",
                                        object(
                                                "all_text",
                                                object(
                                                        "query",
                                                        text,
                                                        "analyzer",
                                                        exactAnalyzer,
                                                        "fuzziness",
                                                        "AUTO",
                                                        "prefix_length",
                                                        1,
                                                        "minimum_should_match",
                                                        mostWords))),
                                object(
                                        "match",
                                        object("all_text", object("query", text, "minimum_should_match", mostWords)))),
                        "minimum_should_match",
                        "1"));
        Map<String, Object> query = object(
                "bool",
                object(
                        "filter", List.of(object("term", object("status", "PUBLISHED"))),
                        "must", List.of(everyWord),
                        "should",
                                List.of(
                                        object(
                                                "multi_match",
                                                object(
                                                        "query",
                                                        text,
                                                        "fields",
                                                        textFields,
                                                        "type",
                                                        "best_fields",
                                                        "analyzer",
                                                        exactAnalyzer,
                                                        "fuzziness",
                                                        "AUTO",
                                                        "prefix_length",
                                                        1,
                                                        "tie_breaker",
                                                        0.3)),
                                        object(
                                                "multi_match",
                                                object(
                                                        "query",
                                                        text,
                                                        "fields",
                                                        textFields,
                                                        "type",
                                                        "best_fields",
                                                        "tie_breaker",
                                                        0.3)),
                                        object(
                                                "multi_match",
                                                object(
                                                        "query",
                                                        text,
                                                        "fields",
                                                        phraseFields,
                                                        "type",
                                                        "phrase",
                                                        "slop",
                                                        1,
                                                        "boost",
                                                        2.0)))));

        Map<String, Object> aggregations = object();
        object("category", "category", "tag", "tags", "author", "author", "productKind", "products.kind")
                .forEach((facet, field) -> aggregations.put(
                        facet,
                        object(
                                "filter",
                                noFacetFilter,
                                "aggregations",
                                object("values", object("terms", object("field", field, "size", 50))))));
        aggregations.put(
                "price",
                object(
                        "filter",
                        noFacetFilter,
                        "aggregations",
                        object(
                                "values",
                                object(
                                        "range",
                                        object(
                                                "field",
                                                "products.lowestPrice.amount",
                                                "ranges",
                                                List.of(
                                                        object("key", "under-25", "to", 25.0),
                                                        object("key", "25-100", "from", 25.0, "to", 100.0),
                                                        object("key", "100-250", "from", 100.0, "to", 250.0),
                                                        object("key", "250-500", "from", 250.0, "to", 500.0),
                                                        object("key", "500-plus", "from", 500.0)))))));

        Map<String, Object> highlighted = object();
        for (String field : List.of(
                "title",
                "summary",
                "intro",
                "entries.heading",
                "sections.heading",
                "entries.body",
                "sections.body",
                "entries.features.name",
                "entries.features.description",
                "products.name")) {
            boolean whole = field.equals("title") || field.equals("summary");
            highlighted.put(
                    field,
                    whole ? object("number_of_fragments", 0) : object("number_of_fragments", 3, "fragment_size", 160));
        }

        return object(
                "query",
                query,
                "post_filter",
                noFacetFilter,
                "sort",
                List.of(
                        object("_score", object("order", "desc")),
                        object("publishedAt", object("order", "desc")),
                        object("id", object("order", "asc"))),
                "size",
                ES_PAGE,
                "track_total_hits",
                true,
                "_source",
                object(
                        "includes",
                        List.of(
                                "id",
                                "revision",
                                "slug",
                                "title",
                                "summary",
                                "author",
                                "category",
                                "tags",
                                "publishedAt",
                                "products")),
                "aggregations",
                aggregations,
                "highlight",
                object(
                        "encoder",
                        "html",
                        "pre_tags",
                        List.of("<em>"),
                        "post_tags",
                        List.of("</em>"),
                        "fields",
                        highlighted,
                        "highlight_query",
                        object(
                                "bool",
                                object(
                                        "should",
                                        List.of(
                                                object(
                                                        "multi_match",
                                                        object(
                                                                "query",
                                                                text,
                                                                "fields",
                                                                List.copyOf(highlighted.keySet()),
                                                                "analyzer",
                                                                exactAnalyzer,
                                                                "fuzziness",
                                                                "AUTO:3,255",
                                                                "prefix_length",
                                                                1)),
                                                object(
                                                        "multi_match",
                                                        object(
                                                                "query",
                                                                text,
                                                                "fields",
                                                                List.copyOf(highlighted.keySet()))))))));
    }

    record Run(String target, int clients, double seconds, double requestsPerSecond, long errors, Latencies latency) {}

    /** A warm-up, then the measured closed loop: each client sends the next query as soon as the last one answered. */
    private static Run run(String target, List<HttpRequest> requests, int clients) throws InterruptedException {
        try (HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build()) {
            System.out.printf(
                    "[bench] %s, %d clients: %d s warm-up, %d s measured%n",
                    target, clients, WARM_UP.toSeconds(), MEASURED.toSeconds());
            loop(http, requests, clients, WARM_UP);
            long started = System.nanoTime();
            List<Tally> tallies = loop(http, requests, clients, MEASURED);
            double seconds = (System.nanoTime() - started) / 1e9;
            long[] latencies = tallies.stream()
                    .flatMapToLong(t -> Arrays.stream(t.latencies()))
                    .toArray();
            long errors = tallies.stream().mapToLong(Tally::errors).sum();
            return new Run(
                    target,
                    clients,
                    Math.round(seconds * 10) / 10.0,
                    Math.round(latencies.length / seconds * 10) / 10.0,
                    errors,
                    Latencies.ofNanos(latencies));
        }
    }

    /** One client's successful requests' latencies (nanoseconds) and its count of failures. */
    private record Tally(long[] latencies, long errors) {}

    private static List<Tally> loop(HttpClient http, List<HttpRequest> requests, int clients, Duration duration)
            throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        List<Future<Tally>> futures = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                int first = c * requests.size() / clients; // clients start at different queries
                futures.add(threads.submit(() -> client(http, requests, first, end)));
            }
        }
        List<Tally> tallies = new ArrayList<>();
        for (Future<Tally> future : futures) {
            try {
                tallies.add(future.get());
            } catch (ExecutionException ex) {
                throw new AssertionError("a client failed", ex.getCause());
            }
        }
        return tallies;
    }

    private static Tally client(HttpClient http, List<HttpRequest> requests, int first, long end)
            throws InterruptedException {
        long[] latencies = new long[4096];
        int count = 0;
        long errors = 0;
        for (int i = first; System.nanoTime() < end; i++) {
            HttpRequest request = requests.get(i % requests.size());
            long sent = System.nanoTime();
            boolean ok;
            try {
                ok = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException ex) {
                ok = false;
            }
            long took = System.nanoTime() - sent;
            if (!ok) {
                errors++;
                continue;
            }
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = took;
        }
        return new Tally(Arrays.copyOf(latencies, count), errors);
    }

    /** The seeded roundups are published before the launcher says it is up, but indexing follows within seconds. */
    private static void awaitDemoContentSearchable() {
        long total = await("the demo content searchable (was it seeded?)")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> check(HttpRequest.newBuilder(roundup.gatewayUri().resolve("/api/search"))
                                        .build())
                                .path("total")
                                .asLong(0),
                        greaterThanOrEqualTo(6L));
        System.out.println("[bench] " + total + " published roundups searchable");
    }

    /**
     * Both ways should find the same: prints and returns, per query, the totals and first page of each. A difference
     * means {@link #directElasticsearchQuery} no longer matches what search-service sends.
     */
    private static List<Map<String, Object>> compareAnswers(List<HttpRequest> viaGateway, List<HttpRequest> direct) {
        List<Map<String, Object>> comparison = new ArrayList<>();
        int differing = 0;
        for (int i = 0; i < QUERIES.size(); i++) {
            JsonNode gateway = check(viaGateway.get(i));
            JsonNode elasticsearch = check(direct.get(i));
            long gatewayTotal = gateway.path("total").asLong(-1);
            long esTotal = elasticsearch.at("/hits/total/value").asLong(-1);
            List<String> gatewayIds = gateway.path("hits")
                    .valueStream()
                    .map(h -> h.path("id").asString(""))
                    .toList();
            List<String> esIds = elasticsearch
                    .at("/hits/hits")
                    .valueStream()
                    .map(h -> h.at("/_source/id").asString(""))
                    .limit(gatewayIds.size())
                    .toList();
            boolean same = gatewayTotal == esTotal && gatewayIds.equals(esIds);
            if (!same) {
                differing++;
                System.out.printf(
                        "[bench] WARNING: %-30s gateway total %d hits %s, Elasticsearch total %d hits %s%n",
                        '"' + QUERIES.get(i) + '"', gatewayTotal, gatewayIds, esTotal, esIds);
            }
            if (gatewayTotal == 0) {
                System.out.printf("[bench] WARNING: \"%s\" finds nothing%n", QUERIES.get(i));
            }
            comparison.add(object(
                    "query",
                    QUERIES.get(i),
                    "gatewayTotal",
                    gatewayTotal,
                    "elasticsearchTotal",
                    esTotal,
                    "sameHitsInSameOrder",
                    gatewayIds.equals(esIds)));
        }
        System.out.printf(
                "[bench] gateway and direct Elasticsearch agree on %d of %d queries%n",
                QUERIES.size() - differing, QUERIES.size());
        return comparison;
    }

    private static JsonNode check(HttpRequest request) {
        try {
            HttpResponse<String> response = CHECKS.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError(request.uri() + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException ex) {
            throw new AssertionError(request.uri() + " unreachable: " + ex, ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
    }

    private static HttpRequest gatewayRequest(String query) {
        URI uri = roundup.gatewayUri().resolve("/api/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET().build();
    }

    private static HttpRequest elasticsearchRequest(String query) {
        return HttpRequest.newBuilder(roundup.elasticsearchUri().resolve("/reviews/_search"))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(directElasticsearchQuery(query))))
                .build();
    }

    /** An ordered JSON object from alternating keys and values, so the body reads like the JSON it becomes. */
    private static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            object.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return object;
    }
}
