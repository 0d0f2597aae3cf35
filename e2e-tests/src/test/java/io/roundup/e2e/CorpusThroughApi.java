package io.roundup.e2e;

import io.roundup.e2e.corpus.Corpus;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.IntFunction;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A corpus published the way editors publish: every product created through {@code POST /api/products}, then every
 * roundup created as a draft and published, through the gateway, a few requests at a time. Everything then takes the
 * real path (Mongo, the outbox relays, Kafka, indexing). Run with the gateway's rate limits off.
 */
final class CorpusThroughApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** 503 while a service is not reachable yet; 422 while article-service has not yet heard of a new product. */
    private static final Set<Integer> NOT_YET = Set.of(503, 429);

    private static final Set<Integer> NOT_YET_PUBLISHABLE = Set.of(503, 429, 422);

    private static final int ATTEMPTS = 40;

    private final URI gateway;
    private final int concurrency;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private String token;

    CorpusThroughApi(URI gateway, int concurrency) {
        this.gateway = gateway;
        this.concurrency = concurrency;
    }

    void signIn(String username, String password) {
        token = post("/api/auth/token", Map.of("username", username, "password", password), NOT_YET)
                .path("access_token")
                .asString();
    }

    /** Creates every product; answers their ids in catalogue order. */
    List<String> createProducts(Corpus corpus) throws InterruptedException {
        return parallel(corpus.products().size(), i -> {
            Corpus.Product product = corpus.products().get(i);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", product.name());
            body.put("kind", product.kind());
            if (product.brand() != null) {
                body.put("brand", product.brand());
            }
            body.put("attributes", product.attributes());
            body.put(
                    "offers",
                    product.offers().stream()
                            .map(o -> Map.of(
                                    "retailer",
                                    o.retailer(),
                                    "url",
                                    o.url(),
                                    "price",
                                    Map.of("amount", o.amount(), "currency", o.currency())))
                            .toList());
            return post("/api/products", body, NOT_YET).path("id").asString();
        });
    }

    /** Creates and publishes every roundup, its entries naming the products by the ids the API gave them. */
    List<String> publishRoundups(Corpus corpus, List<String> productIds) throws InterruptedException {
        return parallel(corpus.size(), i -> {
            Corpus.Roundup roundup = corpus.roundup(i);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("title", roundup.title());
            body.put("slug", roundup.slug());
            body.put("summary", roundup.summary());
            body.put("category", roundup.category());
            body.put("tags", roundup.tags());
            body.put(
                    "author",
                    Map.of(
                            "name",
                            roundup.author().name(),
                            "bio",
                            roundup.author().bio()));
            body.put("intro", roundup.intro());
            body.put(
                    "entries",
                    roundup.entries().stream()
                            .map(e -> Map.of(
                                    "rank",
                                    e.rank(),
                                    "productId",
                                    productIds.get(e.product()),
                                    "heading",
                                    e.heading(),
                                    "body",
                                    e.body(),
                                    "features",
                                    e.features().stream()
                                            .map(f -> Map.of("name", f.name(), "description", f.description()))
                                            .toList()))
                            .toList());
            body.put(
                    "sections",
                    roundup.sections().stream()
                            .map(s -> Map.of("heading", s.heading(), "body", s.body()))
                            .toList());
            String id = post("/api/articles", body, NOT_YET).path("id").asString();
            post("/api/articles/" + id + "/publish", Map.of(), NOT_YET_PUBLISHABLE);
            return id;
        });
    }

    private List<String> parallel(int count, IntFunction<String> task) throws InterruptedException {
        Semaphore permits = new Semaphore(concurrency);
        List<Future<String>> futures = new ArrayList<>(count);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                int index = i;
                permits.acquire();
                futures.add(threads.submit(() -> {
                    try {
                        return task.apply(index);
                    } finally {
                        permits.release();
                    }
                }));
            }
        }
        List<String> ids = new ArrayList<>(count);
        for (Future<String> future : futures) {
            try {
                ids.add(future.get());
            } catch (java.util.concurrent.ExecutionException ex) {
                throw new AssertionError("publishing the corpus failed: " + ex.getCause(), ex.getCause());
            }
        }
        return ids;
    }

    private JsonNode post(String path, Object body, Set<Integer> notYet) {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() / 100 == 2) {
                    return JSON.readTree(response.body());
                }
                if (!notYet.contains(response.statusCode()) || attempt == ATTEMPTS) {
                    throw new AssertionError(
                            "POST " + path + " answered " + response.statusCode() + ": " + response.body());
                }
                Thread.sleep(250L * Math.min(attempt, 4));
            } catch (IOException ex) {
                throw new AssertionError("POST " + path + ": " + ex, ex);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new AssertionError(ex);
            }
        }
    }
}
