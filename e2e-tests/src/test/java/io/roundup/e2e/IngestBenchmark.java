package io.roundup.e2e;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import io.roundup.e2e.corpus.Corpus;
import io.roundup.events.ArticleChanged;
import io.roundup.events.EventCodec;
import io.roundup.events.EventType;
import io.roundup.events.ProductChanged;
import io.roundup.events.Topics;
import io.roundup.search.indexing.ReviewSources;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * How fast search-service indexes, against what Elasticsearch itself takes: a generated corpus of
 * {@code -Dbenchmark.roundups} roundups (10,000 by default) is indexed three ways in one run, and each gives events
 * per second:
 *
 * <ol>
 *   <li><b>live consumption</b>: the roundups' events written onto {@value Topics#ARTICLES} as fast as Kafka takes
 *       them (generated and encoded beforehand, the catalogue's products loaded and indexed first), timed from the first
 *       write until the review index holds them all;
 *   <li><b>reindex replay</b>: {@code POST /api/search/reindex} as an operator starts it, timed until the job
 *       succeeded (it replays both topics into new versions, checks them and moves the aliases);
 *   <li><b>direct</b>: the same documents, built by search-service's own code ({@link ReviewSources}, from its plain
 *       classes jar) from the same events, written by a plain {@link BulkIngester} with its defaults into an index
 *       created with the live review index's own settings and mappings (read back from Elasticsearch), with the same
 *       external versioning.
 * </ol>
 *
 * The ratio of the first two to the third is what search-service's path costs over indexing itself. A measurement,
 * not a test: it runs only with {@code -Pbenchmarks}.
 */
class IngestBenchmark {

    static final boolean DIRECT_FIRST = Boolean.getBoolean("benchmark.direct-first");

    static final int ROUNDUPS = Integer.getInteger("benchmark.roundups", 10_000);
    static final long SEED = Long.getLong("benchmark.seed", 42);
    static final String DIRECT_INDEX = "ingest-direct";

    private static final String ADMIN_PASSWORD = "bench-admin-" + UUID.randomUUID();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static LaunchedRoundup roundup;
    private static final Map<String, Object> results = new LinkedHashMap<>();

    @BeforeAll
    static void startPlatform() throws IOException {
        Map<String, String> environment = new HashMap<>();
        environment.put("ROUNDUP_RATELIMIT_ENABLED", "false");
        environment.put("ROUNDUP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        // -Dbenchmark.env=NAME=value,… passes settings to the services, e.g. ROUNDUP_SEARCH_INDEXED_DENSEDOCUMENTS
        for (String setting : System.getProperty("benchmark.env", "").split(",")) {
            int equals = setting.indexOf('=');
            if (equals > 0) {
                environment.put(
                        setting.substring(0, equals).strip(),
                        setting.substring(equals + 1).strip());
            }
        }
        results.put(
                "environment",
                environment.keySet().stream()
                        .filter(name -> name.startsWith("ROUNDUP_SEARCH"))
                        .collect(java.util.stream.Collectors.toMap(name -> name, environment::get)));
        roundup = Benchmarks.startPlatform(environment);
    }

    @AfterAll
    static void stopPlatform() {
        Benchmarks.stopPlatform(roundup);
    }

    @Test
    void ingest() throws Exception {
        long demo = await("the demo roundups indexed")
                .atMost(Duration.ofSeconds(60))
                .until(() -> publishedReviews("reviews"), greaterThanOrEqualTo(6L));
        Corpus corpus = Corpus.generate(SEED, ROUNDUPS);
        CorpusOnTopics topics = new CorpusOnTopics(roundup.kafkaBootstrapServers());
        System.out.printf(
                "[bench] corpus: %d roundups, %d products (seed %d); products onto the topic first%n",
                corpus.size(), corpus.products().size(), SEED);
        long productsBefore = count("products");
        topics.writeProducts(corpus);
        await("the corpus's products indexed")
                .atMost(Duration.ofMinutes(10))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> count("products"),
                        greaterThanOrEqualTo(productsBefore + corpus.products().size()));
        long generating = System.nanoTime();
        List<CorpusOnTopics.Encoded> encoded = topics.encodedRoundups(corpus);
        long bytes = encoded.stream().mapToLong(e -> e.payload().length).sum();
        System.out.printf(
                "[bench] %d roundup events generated and encoded in %.1f s (%.1f MB)%n",
                encoded.size(), seconds(generating), bytes / 1e6);
        results.put("roundups", corpus.size());
        results.put("products", corpus.products().size());
        results.put("eventBytes", bytes);

        // The direct writer first when asked (-Dbenchmark.direct-first=true): on C2 the JVMs are still compiling in
        // their first minute of indexing, which otherwise falls on live consumption alone.
        Map<String, Object> direct = DIRECT_FIRST ? directLeg(corpus, encoded, results) : null;

        // 1. live consumption
        String loadLive = SearchThroughputBenchmark.loadAverage();
        SearchServiceMetrics.Scrape before = SearchServiceMetrics.scrape(roundup.searchServiceUri());
        long started = System.nanoTime();
        topics.writeEncoded(encoded);
        double written = seconds(started);
        long expected = demo + corpus.size();
        await("the roundups indexed by live consumption")
                .atMost(Duration.ofSeconds(Math.max(600, corpus.size() / 10L)))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> publishedReviews("reviews"), greaterThanOrEqualTo(expected));
        double live = seconds(started);
        SearchServiceMetrics.Scrape after = SearchServiceMetrics.scrape(roundup.searchServiceUri());
        Map<String, Object> bulks = SearchServiceMetrics.between(before, after, "roundup_search_bulk_seconds", "");
        Map<String, Object> liveResult = new LinkedHashMap<>();
        liveResult.put("seconds", live);
        liveResult.put("writtenToKafkaSeconds", written);
        liveResult.put("eventsPerSecond", perSecond(corpus.size(), live));
        liveResult.put("bulks", bulks);
        liveResult.put("loadAverageBefore", loadLive);
        liveResult.put("loadAverageAfter", SearchThroughputBenchmark.loadAverage());
        results.put("live", liveResult);
        System.out.printf("[bench] live consumption: %s%n", liveResult);

        // 2. reindex replay
        String loadReindex = SearchThroughputBenchmark.loadAverage();
        Map<String, Object> reindex = reindex(expected);
        reindex.put("loadAverageBefore", loadReindex);
        reindex.put("loadAverageAfter", SearchThroughputBenchmark.loadAverage());
        results.put("reindex", reindex);
        System.out.printf("[bench] reindex: %s%n", reindex);

        if (direct == null) {
            direct = directLeg(corpus, encoded, results);
        }

        double directRate = (Double) direct.get("eventsPerSecond");
        double liveRatio = (Double) liveResult.get("eventsPerSecond") / directRate;
        double reindexRatio = (Double) reindex.get("roundupsPerSecond") / directRate;
        results.put("liveToDirect", round2(liveRatio));
        results.put("reindexToDirect", round2(reindexRatio));
        double perHundredThousand = (Double) reindex.get("seconds") * 100_000.0 / corpus.size();
        results.put("reindexSecondsPer100kExtrapolatedLinearly", Math.round(perHundredThousand));

        String table = String.format(
                Locale.ROOT,
                "%,d roundups (%,d products), seed %d%n%n"
                        + "| path | seconds | roundup events/s | ratio to direct | load average before → after |%n"
                        + "| --- | ---: | ---: | ---: | --- |%n"
                        + "| search-service, live consumption | %.1f | %.1f | %.2f | %s → %s |%n"
                        + "| search-service, reindex replay (%d events: both topics) | %.1f | %.1f | %.2f | %s → %s |%n"
                        + "| plain BulkIngester, straight to Elasticsearch | %.1f | %.1f | 1.00 | %s → %s |%n%n"
                        + "Rebuild of 100k roundups by reindex, extrapolated linearly from this run (not measured):"
                        + " ~%.0f s%n",
                corpus.size(),
                corpus.products().size(),
                SEED,
                live,
                liveResult.get("eventsPerSecond"),
                liveRatio,
                loadLive,
                liveResult.get("loadAverageAfter"),
                reindex.get("eventsReplayed"),
                reindex.get("seconds"),
                reindex.get("roundupsPerSecond"),
                reindexRatio,
                loadReindex,
                reindex.get("loadAverageAfter"),
                direct.get("seconds"),
                directRate,
                direct.get("loadAverageBefore"),
                direct.get("loadAverageAfter"),
                perHundredThousand);
        System.out.printf("%n[bench] IngestBenchmark%n%s%n", table);
        results.put("markdown", table);
        Benchmarks.write("ingest-" + ROUNDUPS, results);
    }

    /** The direct leg: a plain BulkIngester writing search-service's own documents; puts and answers its figures. */
    private static Map<String, Object> directLeg(
            Corpus corpus, List<CorpusOnTopics.Encoded> encoded, Map<String, Object> results) throws Exception {
        String loadDirect = SearchThroughputBenchmark.loadAverage();
        Map<String, Object> direct = direct(corpus, encoded);
        direct.put("loadAverageBefore", loadDirect);
        direct.put("loadAverageAfter", SearchThroughputBenchmark.loadAverage());
        results.put("direct", direct);
        System.out.printf("[bench] direct: %s%n", direct);
        return direct;
    }

    /** A reindex as an operator starts it; what the job says it replayed and how long until it succeeded. */
    private static Map<String, Object> reindex(long expected) {
        Gateway gateway = new Gateway(roundup.gatewayUri());
        String token = gateway.token("admin", ADMIN_PASSWORD);
        long started = System.nanoTime();
        Gateway.Response job = gateway.post("/api/search/reindex", token, Map.of());
        if (job.status() != 202) {
            throw new AssertionError("reindex refused: " + job);
        }
        String location = job.location();
        JsonNode done = await("the reindex done")
                .atMost(Duration.ofHours(2))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> gateway.get(location, token).json(), state -> {
                    String status = state.path("status").asString("");
                    if (status.equals("FAILED")) {
                        throw new AssertionError("reindex failed: " + state);
                    }
                    return status.equals("SUCCEEDED");
                });
        double took = seconds(started);
        long articles = done.at("/replayed/" + Topics.ARTICLES).asLong(0);
        long products = done.at("/replayed/" + Topics.PRODUCTS).asLong(0);
        await("the rebuilt index searchable")
                .atMost(Duration.ofMinutes(5))
                .until(() -> publishedReviews("reviews"), greaterThanOrEqualTo(expected));
        Map<String, Object> reindex = new LinkedHashMap<>();
        reindex.put("seconds", took);
        reindex.put("articleEventsReplayed", articles);
        reindex.put("productEventsReplayed", products);
        reindex.put("eventsReplayed", articles + products);
        reindex.put("roundupsPerSecond", perSecond(articles, took));
        reindex.put("eventsPerSecond", perSecond(articles + products, took));
        reindex.put("job", done);
        return reindex;
    }

    /**
     * The same roundup events turned into search-service's documents by its own code and written by a plain
     * {@link BulkIngester} (its defaults: 1,000 operations or 5 MB a request, one request at a time) into a fresh
     * index with the live review index's settings and mappings; timed from the first document to all of them counted.
     */
    private static Map<String, Object> direct(Corpus corpus, List<CorpusOnTopics.Encoded> encoded) throws Exception {
        createLikeReviews(DIRECT_INDEX);
        Map<String, ProductChanged> catalogue = new HashMap<>();
        corpus.products().forEach(p -> catalogue.put(p.id(), CorpusOnTopics.productEvent(p)));
        EventCodec codec = new EventCodec();
        Rest5Client rest = Rest5Client.builder(roundup.elasticsearchUri()).build();
        try (ElasticsearchClient client =
                new ElasticsearchClient(new Rest5ClientTransport(rest, new Jackson3JsonpMapper()))) {
            long started = System.nanoTime();
            try (BulkIngester<Void> ingester = BulkIngester.of(b -> b.client(client))) {
                Iterator<CorpusOnTopics.Encoded> events = encoded.iterator();
                while (events.hasNext()) {
                    CorpusOnTopics.Encoded event = events.next();
                    // decoded and built here, as the service decodes and builds each record it consumes
                    ArticleChanged changed =
                            (ArticleChanged) codec.read(EventType.ARTICLE_CHANGED_V1.ceType(), event.payload());
                    Map<String, ProductChanged> listed = new HashMap<>();
                    for (String id : ReviewSources.productIds(changed)) {
                        ProductChanged product = catalogue.get(id);
                        if (product != null) {
                            listed.put(id, product);
                        }
                    }
                    Object document = ReviewSources.review(changed, listed);
                    ingester.add(op -> op.index(i -> i.index(DIRECT_INDEX)
                            .id(changed.articleId())
                            .version(changed.revision())
                            .versionType(VersionType.ExternalGte)
                            .document(document)));
                }
            }
            double sent = seconds(started);
            check(HttpRequest.newBuilder(roundup.elasticsearchUri().resolve("/" + DIRECT_INDEX + "/_refresh"))
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build());
            long indexed = publishedReviews(DIRECT_INDEX);
            double took = seconds(started);
            if (indexed < corpus.size()) {
                throw new AssertionError("the direct index holds " + indexed + " of " + corpus.size());
            }
            Map<String, Object> direct = new LinkedHashMap<>();
            direct.put("seconds", took);
            direct.put("bulkIngesterClosedSeconds", sent);
            direct.put("eventsPerSecond", perSecond(corpus.size(), took));
            direct.put("documents", indexed);
            return direct;
        }
    }

    /** A fresh index with the settings (less what names one index) and the mappings of the live review index. */
    private static void createLikeReviews(String name) {
        JsonNode settings = check(HttpRequest.newBuilder(
                                roundup.elasticsearchUri().resolve("/reviews/_settings?flat_settings=true"))
                        .build())
                .valueStream()
                .findFirst()
                .orElseThrow()
                .path("settings");
        JsonNode mappings = check(
                        HttpRequest.newBuilder(roundup.elasticsearchUri().resolve("/reviews/_mapping"))
                                .build())
                .valueStream()
                .findFirst()
                .orElseThrow()
                .path("mappings");
        ObjectNode copied = JSON.createObjectNode();
        settings.properties().forEach(setting -> {
            String key = setting.getKey();
            if (!key.equals("index.uuid")
                    && !key.equals("index.creation_date")
                    && !key.equals("index.provided_name")
                    && !key.startsWith("index.version.")
                    && !key.startsWith("index.history.")
                    && !key.startsWith("index.resize.")) {
                copied.set(key, setting.getValue());
            }
        });
        ObjectNode body = JSON.createObjectNode();
        body.set("settings", copied);
        body.set("mappings", mappings);
        HttpRequest create = HttpRequest.newBuilder(roundup.elasticsearchUri().resolve("/" + name))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        check(create);
    }

    /** Published reviews in {@code index} (tombstones left out), as a search sees them now. */
    private static long publishedReviews(String index) {
        return check(HttpRequest.newBuilder(roundup.elasticsearchUri().resolve("/" + index + "/_count"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"query\":{\"term\":{\"status\":\"PUBLISHED\"}}}"))
                        .build())
                .path("count")
                .asLong(0);
    }

    private static long count(String index) {
        return Benchmarks.documents(HTTP, roundup.elasticsearchUri(), index);
    }

    private static JsonNode check(HttpRequest request) {
        return Benchmarks.okJson(HTTP, request);
    }

    private static double perSecond(long events, double seconds) {
        return Math.round(events / seconds * 10) / 10.0;
    }

    private static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static double seconds(long startedNanos) {
        return Math.round((System.nanoTime() - startedNanos) / 1e8) / 10.0;
    }
}
