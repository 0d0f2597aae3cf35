package io.roundup.e2e;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import io.roundup.e2e.corpus.Corpus;
import io.roundup.e2e.corpus.QueryMix;
import io.roundup.e2e.corpus.QueryMix.Query;
import io.roundup.events.Topics;
import io.roundup.search.query.ReaderSearchRequests;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What search costs readers, and how it grows with the site: a generated corpus of {@code -Dbenchmark.roundups}
 * roundups (1,000 by default; 0 for the demo content alone) is loaded, then a seeded mix of reader queries drawn from
 * its vocabulary is sent in a closed loop by N clients for a fixed time after a warm-up, once through the gateway
 * ({@code GET /api/search?…}) and once straight to Elasticsearch with the very request search-service builds for it
 * ({@link ReaderSearchRequests}, serialised by the Elasticsearch client's own JSON mapper). The difference between the
 * two is what the gateway and search-service add. A measurement, not a test: it runs only with {@code -Pbenchmarks}.
 */
class SearchThroughputBenchmark {

    /** What readers type for the demo roundups, with two typos: the mix when no corpus is loaded. */
    static final List<String> DEMO_QUERIES = List.of(
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

    static final int ROUNDUPS = Integer.getInteger("benchmark.roundups", 1_000);
    static final long SEED = Long.getLong("benchmark.seed", 42);
    static final int QUERY_COUNT = Integer.getInteger("benchmark.queries", 200);
    /** {@code api} publishes through the gateway; {@code events} writes onto the topics (see {@link CorpusOnTopics}). */
    static final String LOAD = System.getProperty("benchmark.load", ROUNDUPS <= 1_000 ? "api" : "events");
    /** After loading, also rebuild the index by a reindex (the replay of the topics) and time it. */
    static final boolean REINDEX = Boolean.getBoolean("benchmark.reindex");

    static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("benchmark.warmup-seconds", 5));
    /**
     * Load through the gateway before the first run, on top of each run's own warm-up: the JVMs on the search path
     * compile with C2, and on 2 cores their first minutes of load are slower while it catches up (a row measured
     * 30 s after the corpus was loaded came out 1.7× slower than the same row measured minutes later).
     */
    static final Duration PLATFORM_WARM_UP = Duration.ofSeconds(Long.getLong("benchmark.platform-warmup-seconds", 120));

    static final Duration MEASURED = Duration.ofSeconds(Long.getLong("benchmark.seconds", 20));
    static final List<Integer> CLIENTS = Arrays.stream(
                    System.getProperty("benchmark.clients", "4,16").split(","))
            .map(String::strip)
            .map(Integer::valueOf)
            .toList();
    /**
     * Where the queries are sent, each in turn per client count: {@code gateway} (the reader's way in),
     * {@code search-service} (its own port, past the gateway: what the gateway adds is the difference) and
     * {@code elasticsearch} (search-service's request replayed).
     */
    static final List<String> TARGETS = Arrays.stream(
                    System.getProperty("benchmark.targets", "gateway,search-service,elasticsearch")
                            .split(","))
            .map(String::strip)
            .toList();
    /**
     * How long the review index's segments must stay as they are, with no merge running, before the runs: longer than
     * two of search-service's compaction looks (30 s apart), so that a compaction due after the load has started and
     * ended by then. The merges of a large load go on for minutes after it is searchable, and a row measured during
     * them measures the merging too.
     */
    static final Duration SETTLED = Duration.ofSeconds(Long.getLong("benchmark.settled-seconds", 75));

    /** A request not answered by then counts as an error (and fails the comparison of answers before the runs). */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(Long.getLong("benchmark.timeout-seconds", 30));

    private static final String ADMIN_PASSWORD = "bench-admin-" + UUID.randomUUID();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Jackson3JsonpMapper ELASTICSEARCH_JSON = new Jackson3JsonpMapper();
    /** For the checks around the measured runs; each run has a client of its own. */
    private static final HttpClient CHECKS =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static LaunchedRoundup roundup;

    @BeforeAll
    static void startPlatform() throws IOException {
        // The benchmark is one client sending hundreds of requests a second: the per-address budgets would refuse it.
        roundup = Benchmarks.startPlatform(
                Map.of("ROUNDUP_RATELIMIT_ENABLED", "false", "ROUNDUP_ADMIN_PASSWORD", ADMIN_PASSWORD));
    }

    @AfterAll
    static void stopPlatform() {
        Benchmarks.stopPlatform(roundup);
    }

    @Test
    void searchThroughput() throws InterruptedException {
        // before the corpus is loaded, which can take minutes
        for (String target : TARGETS) {
            if (!List.of("gateway", "search-service", "elasticsearch").contains(target)) {
                throw new IllegalArgumentException("benchmark.targets: no target " + target);
            }
        }
        Map<String, Object> results = new LinkedHashMap<>();
        long demo = awaitSearchable(6, Duration.ofSeconds(60));
        List<Query> queries;
        if (ROUNDUPS > 0) {
            Corpus corpus = Corpus.generate(SEED, ROUNDUPS);
            results.put("corpus", load(corpus, demo));
            queries = QueryMix.of(corpus, QUERY_COUNT, SEED);
        } else {
            queries = DEMO_QUERIES.stream()
                    .map(text -> new Query("demo", text, Map.of()))
                    .toList();
        }
        results.put("index", indexStats("as loaded"));

        List<HttpRequest> viaGateway = queries.stream()
                .map(query -> apiRequest(roundup.gatewayUri(), query))
                .toList();
        List<HttpRequest> viaSearchService = queries.stream()
                .map(query -> apiRequest(roundup.searchServiceUri(), query))
                .toList();
        List<HttpRequest> direct = queries.stream()
                .map(SearchThroughputBenchmark::elasticsearchRequest)
                .toList();
        List<Map<String, Object>> comparison = compareAnswers(queries, viaGateway, direct);

        results.put("settledSeconds", awaitSettledIndex());
        results.put("indexMeasured", indexStats("as measured"));
        warmUpPlatform(viaGateway);
        List<Run> runs = new ArrayList<>();
        Map<String, List<HttpRequest>> targets =
                Map.of("gateway", viaGateway, "search-service", viaSearchService, "elasticsearch", direct);
        for (int clients : CLIENTS) {
            for (String target : TARGETS) {
                runs.add(run(target, targets.get(target), clients));
            }
        }

        String table = table(queries.size(), runs);
        System.out.printf("%n[bench] SearchThroughputBenchmark%n%s%n", table);

        results.put("roundups", ROUNDUPS);
        results.put("seed", SEED);
        results.put("queries", queries);
        results.put("platformWarmUpSeconds", PLATFORM_WARM_UP.toSeconds());
        results.put("warmUpSeconds", WARM_UP.toSeconds());
        results.put("measuredSeconds", MEASURED.toSeconds());
        results.put("runs", runs);
        results.put("markdown", table);
        results.put("answersCompared", comparison);
        results.put("elasticsearchBodyExample", JSON.readTree(body(queries.getFirst())));
        Benchmarks.write("search-throughput-" + ROUNDUPS, results);
    }

    /** Loads the corpus by the chosen path and waits until search finds every roundup; answers what it took. */
    private static Map<String, Object> load(Corpus corpus, long before) throws InterruptedException {
        Map<String, Object> loaded = new LinkedHashMap<>();
        loaded.put("roundups", corpus.size());
        loaded.put("products", corpus.products().size());
        loaded.put("authors", corpus.authors().size());
        loaded.put("path", LOAD);
        System.out.printf(
                "[bench] corpus: %d roundups, %d products, %d authors (seed %d), loading through %s%n",
                corpus.size(), corpus.products().size(), corpus.authors().size(), SEED, LOAD);
        long started = System.nanoTime();
        switch (LOAD) {
            case "api" -> {
                CorpusThroughApi api = new CorpusThroughApi(roundup.gatewayUri(), 4);
                api.signIn("editor", roundup.editorPassword());
                List<String> productIds = api.createProducts(corpus);
                loaded.put("productsSeconds", seconds(started));
                api.publishRoundups(corpus, productIds);
            }
            case "events" -> {
                CorpusOnTopics topics = new CorpusOnTopics(roundup.kafkaBootstrapServers());
                Map<String, Set<String>> headers = topics.headerNames(Topics.PRODUCTS);
                loaded.put("headerNames", headers);
                if (!headers.get("service").containsAll(headers.get("corpus"))) {
                    System.out.println("[bench] WARNING: the corpus's headers are not the services': "
                            + CorpusOnTopics.describe(headers));
                }
                long indexedProducts = count("products");
                topics.writeProducts(corpus);
                // products first, as a replay reads them: each review is then indexed with its products at once
                await("the corpus's products indexed")
                        .atMost(Duration.ofMinutes(10))
                        .pollInterval(Duration.ofMillis(500))
                        .until(
                                () -> count("products"),
                                greaterThanOrEqualTo(
                                        indexedProducts + corpus.products().size()));
                loaded.put("productsSeconds", seconds(started));
                topics.writeRoundups(corpus);
                loaded.put("writtenSeconds", seconds(started));
            }
            default -> throw new IllegalArgumentException("benchmark.load is api or events, not " + LOAD);
        }
        loaded.put("sentSeconds", seconds(started));
        Duration patience = Duration.ofSeconds(Math.max(300, corpus.size() / 20L));
        awaitSearchable(before + corpus.size(), patience);
        double total = seconds(started);
        loaded.put("searchableSeconds", total);
        loaded.put("roundupsPerSecond", Math.round(corpus.size() / total * 10) / 10.0);
        System.out.printf("[bench] corpus searchable after %.1f s (%s)%n", total, loaded);
        if (REINDEX) {
            loaded.put("reindexSeconds", reindex(before + corpus.size()));
        }
        return loaded;
    }

    /** A reindex as an operator starts it; answers the seconds until its job says it is done. */
    private static double reindex(long expected) {
        Gateway gateway = new Gateway(roundup.gatewayUri());
        String token = gateway.token("admin", ADMIN_PASSWORD);
        long started = System.nanoTime();
        Gateway.Response job = gateway.post("/api/search/reindex", token, Map.of());
        if (job.status() != 202) {
            throw new AssertionError("reindex refused: " + job);
        }
        String location = job.location();
        await("the reindex done")
                .atMost(Duration.ofHours(2))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    JsonNode state = gateway.get(location, token).json();
                    String status = state.path("status").asString("").toUpperCase(Locale.ROOT);
                    if (status.equals("FAILED")) {
                        throw new AssertionError("reindex failed: " + state);
                    }
                    return status.equals("DONE") || status.equals("SUCCEEDED") || status.equals("COMPLETED");
                });
        double took = seconds(started);
        awaitSearchable(expected, Duration.ofMinutes(5));
        System.out.printf("[bench] reindex of %d roundups done in %.1f s%n", expected, took);
        return took;
    }

    /** The markdown table the docs take: one row per target and client count, and what the gateway adds. */
    static String table(int queries, List<Run> runs) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "%s roundups, %d queries, %d s measured after %d s warm-up (the platform's first %d s through the"
                        + " gateway before that), closed loop; load average before: %s%n%n",
                ROUNDUPS == 0 ? "demo (6)" : String.format(Locale.ROOT, "%,d", ROUNDUPS),
                queries,
                MEASURED.toSeconds(),
                WARM_UP.toSeconds(),
                PLATFORM_WARM_UP.toSeconds(),
                runs.isEmpty() ? "?" : runs.getFirst().loadBefore()));
        out.append("| target | clients | requests | req/s | p50 ms | p90 ms | p99 ms | errors |\n");
        out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Run run : runs) {
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %d | %.1f | %.1f | %.1f | %.1f | %d |%n",
                    run.target(),
                    run.clients(),
                    run.latency().count(),
                    run.requestsPerSecond(),
                    run.latency().p50Ms(),
                    run.latency().p90Ms(),
                    run.latency().p99Ms(),
                    run.errors()));
        }
        out.append("\n| clients | through | p50 / Elasticsearch p50 | p99 / Elasticsearch p99 |\n");
        out.append("| ---: | --- | ---: | ---: |\n");
        for (int clients : runs.stream().map(Run::clients).distinct().toList()) {
            Run direct = runs.stream()
                    .filter(r -> r.clients() == clients && r.target().equals("elasticsearch"))
                    .findFirst()
                    .orElse(null);
            for (Run api : runs) {
                if (direct != null && api.clients() == clients && !api.target().equals("elasticsearch")) {
                    out.append(String.format(
                            Locale.ROOT,
                            "| %d | %s | %.2f | %.2f |%n",
                            clients,
                            api.target(),
                            api.latency().p50Ms() / direct.latency().p50Ms(),
                            api.latency().p99Ms() / direct.latency().p99Ms()));
                }
            }
        }
        return out.toString();
    }

    /**
     * @param loadBefore the machine's load averages (1, 5, 15 minutes) as the run started
     */
    record Run(
            String target,
            int clients,
            double seconds,
            double requestsPerSecond,
            long errors,
            Latencies latency,
            String loadBefore) {}

    /** A client of a run's own: HTTP/1.1 with keep-alive, as a browser talks to the gateway. */
    private static HttpClient newClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** The platform's warm-up: 4 clients through the gateway, answers not kept. */
    private static void warmUpPlatform(List<HttpRequest> viaGateway) throws InterruptedException {
        if (PLATFORM_WARM_UP.isZero()) {
            return;
        }
        System.out.printf(
                "[bench] platform warm-up: 4 clients through the gateway for %d s (load average %s)%n",
                PLATFORM_WARM_UP.toSeconds(), loadAverage());
        try (HttpClient http = newClient()) {
            loop(http, viaGateway, 4, PLATFORM_WARM_UP);
        }
    }

    /** A warm-up, then the measured closed loop: each client sends the next query as soon as the last one answered. */
    private static Run run(String target, List<HttpRequest> requests, int clients) throws InterruptedException {
        try (HttpClient http = newClient()) {
            String load = loadAverage();
            System.out.printf(
                    "[bench] %s, %d clients: %d s warm-up, %d s measured (load average %s)%n",
                    target, clients, WARM_UP.toSeconds(), MEASURED.toSeconds(), load);
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
                    Latencies.ofNanos(latencies),
                    load);
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

    /** Waits until search lists at least {@code expected} published roundups; answers how many it lists. */
    private static long awaitSearchable(long expected, Duration patience) {
        long total = await("at least " + expected + " roundups searchable")
                .atMost(patience)
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> check(HttpRequest.newBuilder(roundup.gatewayUri().resolve("/api/search?size=1"))
                                        .build())
                                .path("total")
                                .asLong(0),
                        greaterThanOrEqualTo(expected));
        System.out.println("[bench] " + total + " published roundups searchable");
        return total;
    }

    /**
     * Both ways should find the same: prints and returns, per query, the totals and whether the first page agrees. A
     * difference means the gateway answered from something other than the request replayed here.
     */
    private static List<Map<String, Object>> compareAnswers(
            List<Query> queries, List<HttpRequest> viaGateway, List<HttpRequest> direct) {
        List<Map<String, Object>> comparison = new ArrayList<>();
        int differing = 0;
        int empty = 0;
        for (int i = 0; i < queries.size(); i++) {
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
                        "[bench] WARNING: %-40s gateway total %d, Elasticsearch total %d, first pages %s%n",
                        describe(queries.get(i)), gatewayTotal, esTotal, gatewayIds.equals(esIds) ? "agree" : "differ");
            }
            if (gatewayTotal == 0) {
                empty++;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("query", describe(queries.get(i)));
            row.put("gatewayTotal", gatewayTotal);
            row.put("elasticsearchTotal", esTotal);
            row.put("sameHitsInSameOrder", gatewayIds.equals(esIds));
            comparison.add(row);
        }
        System.out.printf(
                "[bench] gateway and direct Elasticsearch agree on %d of %d queries; %d find nothing%n",
                queries.size() - differing, queries.size(), empty);
        return comparison;
    }

    private static String describe(Query query) {
        String filters = query.filters().entrySet().stream()
                .map(e -> e.getKey() + "=" + String.join(",", e.getValue()))
                .collect(Collectors.joining(" "));
        return '"' + query.text() + '"' + (filters.isEmpty() ? "" : " " + filters);
    }

    /**
     * Waits, at most 20 minutes, until the review index's segments and merges have not changed for {@link #SETTLED}:
     * search-service compacts the index once the writes are over (IndexCompaction), and the runs should search the
     * index as it stays, not as it is being merged. Answers the seconds it waited.
     */
    private static double awaitSettledIndex() throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + Duration.ofMinutes(20).toNanos();
        String seen = "";
        long unchangedSince = started;
        while (System.nanoTime() < deadline) {
            JsonNode primaries = check(
                            HttpRequest.newBuilder(roundup.elasticsearchUri().resolve("/reviews/_stats/segments,merge"))
                                    .build())
                    .at("/_all/primaries");
            String now = primaries.at("/segments/count").asLong() + " segments, "
                    + primaries.at("/merges/total").asLong() + " merges done, "
                    + primaries.at("/merges/current").asLong() + " running";
            if (!now.equals(seen) || primaries.at("/merges/current").asLong() > 0) {
                seen = now;
                unchangedSince = System.nanoTime();
            } else if (System.nanoTime() - unchangedSince >= SETTLED.toNanos()) {
                break;
            }
            Thread.sleep(2_000);
        }
        double waited = seconds(started);
        System.out.printf("[bench] review index settled after %.1f s more: %s%n", waited, seen);
        return waited;
    }

    /**
     * The review index's documents, size on disk, segments and the time Elasticsearch has spent merging them, for the
     * conditions: every segment is searched on its own, so their number moves a search's cost (over 100k roundups, 26
     * segments cost Elasticsearch about twice the time of one).
     */
    private static Map<String, Object> indexStats(String when) {
        JsonNode stats = check(
                HttpRequest.newBuilder(roundup.elasticsearchUri().resolve("/reviews/_stats/docs,store,segments,merge"))
                        .build());
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("documents", stats.at("/_all/primaries/docs/count").asLong());
        index.put("storeBytes", stats.at("/_all/primaries/store/size_in_bytes").asLong());
        index.put("segments", stats.at("/_all/primaries/segments/count").asLong());
        index.put(
                "mergeMillis",
                stats.at("/_all/primaries/merges/total_time_in_millis").asLong());
        index.put("products", count("products"));
        System.out.printf(
                "[bench] review index %s: %d documents, %.1f MB, %d segments, %.1f s merging so far%n",
                when,
                (Long) index.get("documents"),
                (Long) index.get("storeBytes") / 1e6,
                (Long) index.get("segments"),
                (Long) index.get("mergeMillis") / 1e3);
        return index;
    }

    private static long count(String index) {
        return Benchmarks.documents(CHECKS, roundup.elasticsearchUri(), index);
    }

    private static JsonNode check(HttpRequest request) {
        return Benchmarks.okJson(CHECKS, request);
    }

    /** The reader's search for the query, as the site sends it, to the gateway or to search-service's own port. */
    private static HttpRequest apiRequest(URI base, Query query) {
        StringBuilder uri = new StringBuilder("/api/search?q=").append(encode(query.text()));
        query.filters()
                .forEach((name, values) -> values.forEach(
                        value -> uri.append('&').append(name).append('=').append(encode(value))));
        return HttpRequest.newBuilder(base.resolve(uri.toString()))
                .timeout(REQUEST_TIMEOUT)
                .GET()
                .build();
    }

    /** search-service's own request for the query, as its Elasticsearch client would send it. */
    private static HttpRequest elasticsearchRequest(Query query) {
        return HttpRequest.newBuilder(roundup.elasticsearchUri().resolve("/reviews/_search"))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(query)))
                .build();
    }

    static String body(Query query) {
        return JsonpUtils.toJsonString(
                ReaderSearchRequests.firstPage(query.text(), query.filters()), ELASTICSEARCH_JSON);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static double seconds(long startedNanos) {
        return Math.round((System.nanoTime() - startedNanos) / 1e8) / 10.0;
    }

    /** The 1-, 5- and 15-minute load averages, as uptime prints them. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException ex) {
            return "unknown";
        }
    }
}
