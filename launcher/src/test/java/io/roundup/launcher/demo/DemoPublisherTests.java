package io.roundup.launcher.demo;

import static io.roundup.launcher.demo.DemoCatalog.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.roundup.launcher.demo.DemoCatalog.Author;
import io.roundup.launcher.demo.DemoCatalog.Entry;
import io.roundup.launcher.demo.DemoCatalog.Feature;
import io.roundup.launcher.demo.DemoCatalog.Offer;
import io.roundup.launcher.demo.DemoCatalog.Price;
import io.roundup.launcher.demo.DemoCatalog.Product;
import io.roundup.launcher.demo.DemoCatalog.Roundup;
import io.roundup.launcher.demo.DemoCatalog.Section;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The publisher speaks the public API in the right order, and a refusal names what was refused. */
class DemoPublisherTests {

    private static final String INVALID_URL = """
            {"type":"about:blank","title":"Bad Request","status":400,"detail":"The request has invalid fields.",
             "errors":{"offers[0].url":["must be an http(s) URL"]}}""";

    private static final DemoCatalog CATALOG = new DemoCatalog(
            List.of(product("alpha-phones", "Alpha Phones", "Alpha"), product("beta-phones", "Beta Phones", null)),
            List.of(
                    roundup("Best Headphones", "beta-phones", "alpha-phones"),
                    roundup("Best Cheap Headphones", "alpha-phones")));

    private FakeGateway gateway;

    @BeforeEach
    void startGateway() throws IOException {
        gateway = new FakeGateway();
    }

    @AfterEach
    void stopGateway() {
        gateway.close();
    }

    @Test
    void signsInThenCreatesTheProductsThenEachRoundupAndPublishesIt() {
        DemoPublisher.Published published = publisher(gateway.uri()).publish(CATALOG, "s3cret");

        assertThat(published).isEqualTo(new DemoPublisher.Published(2, 2));
        assertThat(gateway.requests)
                .extracting(Request::line)
                .containsExactly(
                        "POST /api/auth/token",
                        "POST /api/products",
                        "POST /api/products",
                        "POST /api/articles",
                        "POST /api/articles/" + FakeGateway.articleId(1) + "/publish",
                        "POST /api/articles",
                        "POST /api/articles/" + FakeGateway.articleId(2) + "/publish");

        Request signIn = gateway.requests.getFirst();
        assertThat(signIn.authorization()).isNull();
        assertThat(signIn.body()).isEqualTo(JSON.readTree("{\"username\":\"editor\",\"password\":\"s3cret\"}"));
        assertThat(gateway.requests.subList(1, 7))
                .extracting(Request::authorization)
                .containsOnly("Bearer demo-token");

        assertThat(gateway.requests.get(1).body())
                .as("a product without its key")
                .isEqualTo(JSON.readTree("""
                {"name":"Alpha Phones","kind":"gear","brand":"Alpha","attributes":{"type":"Over-ear"},
                 "offers":[{"retailer":"Soundhaus","url":"https://soundhaus.example.com/alpha-phones",
                            "price":{"amount":"99.00","currency":"USD"}}]}"""));
        assertThat(gateway.requests.get(2).body().has("brand"))
                .as("no brand, no null brand")
                .isFalse();

        JsonNode first = gateway.requests.get(3).body();
        assertThat(first.propertyNames())
                .containsExactlyInAnyOrder(
                        "title", "summary", "category", "tags", "author", "intro", "entries", "sections");
        assertThat(first.get("entries")
                        .valueStream()
                        .map(entry -> entry.get("productId").asString()))
                .containsExactly(FakeGateway.productId(2), FakeGateway.productId(1));
        assertThat(first.at("/entries/0").propertyNames())
                .containsExactlyInAnyOrder("rank", "productId", "heading", "body", "features");
        assertThat(gateway.requests.get(5).body().at("/entries/0/productId").asString())
                .isEqualTo(FakeGateway.productId(1));
        assertThat(gateway.requests.get(4).body()).isEqualTo(JSON.createObjectNode());
    }

    @Test
    void aRefusedProductStopsTheSeedingAndIsNamedWithTheProblem() {
        gateway.answer("/api/products", 2, 400, INVALID_URL);

        assertThatThrownBy(() -> publisher(gateway.uri()).publish(CATALOG, "s3cret"))
                .isInstanceOf(SeedingFailed.class)
                .hasMessage("product beta-phones: 400 Bad Request: The request has invalid fields. "
                        + "(offers[0].url must be an http(s) URL)");
        assertThat(gateway.requests).extracting(Request::line).doesNotContain("POST /api/articles");
    }

    @Test
    void aRefusedRoundupIsNamedByItsTitle() {
        gateway.answer("/api/articles", 1, 400, INVALID_URL);

        assertThatThrownBy(() -> publisher(gateway.uri()).publish(CATALOG, "s3cret"))
                .isInstanceOf(SeedingFailed.class)
                .hasMessageStartingWith("roundup \"Best Headphones\": 400 Bad Request");
    }

    @Test
    void aSeedingStoppedHalfWayResumesWithoutCreatingAnythingTwice(@TempDir Path dataDir) {
        Path file = dataDir.resolve("journal");
        gateway.answer("/api/articles/" + FakeGateway.articleId(2) + "/publish", 1, 400, INVALID_URL);
        assertThatThrownBy(() -> publisher(gateway.uri()).publish(CATALOG, "s3cret", DemoJournal.open(file)))
                .isInstanceOf(SeedingFailed.class);
        gateway.requests.clear();

        assertThat(publisher(gateway.uri()).publish(CATALOG, "s3cret", DemoJournal.open(file)))
                .isEqualTo(new DemoPublisher.Published(2, 2));
        assertThat(gateway.requests)
                .extracting(Request::line)
                .containsExactly("POST /api/auth/token", "POST /api/articles/" + FakeGateway.articleId(2) + "/publish");
    }

    @Test
    void aWrongPasswordIsReportedAsTheSignInFailing() {
        gateway.answer(
                "/api/auth/token",
                1,
                401,
                "{\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"Bad credentials.\"}");

        assertThatThrownBy(() -> publisher(gateway.uri()).publish(CATALOG, "wrong"))
                .isInstanceOf(SeedingFailed.class)
                .hasMessage("editor sign-in: 401 Unauthorized: Bad credentials.");
        assertThat(gateway.requests).hasSize(1);
    }

    @Test
    void triesAgainWhileAServiceIsNotReachableYet() {
        String unavailable = "{\"title\":\"Service unavailable\",\"status\":503,\"detail\":\"Try again shortly.\"}";
        gateway.answer("/api/auth/token", 1, 503, unavailable);
        gateway.answer("/api/products", 1, 503, unavailable);
        gateway.answer("/api/products", 2, 503, unavailable);

        assertThat(publisher(gateway.uri()).publish(CATALOG, "s3cret")).isEqualTo(new DemoPublisher.Published(2, 2));
        assertThat(gateway.requests)
                .extracting(Request::line)
                .filteredOn("POST /api/products"::equals)
                .hasSize(4);
    }

    @Test
    void asksAgainToPublishWhileTheArticleServiceHasNotHeardOfTheProductsYet() {
        String path = "/api/articles/" + FakeGateway.articleId(1) + "/publish";
        gateway.answer(path, 1, 422, """
                {"title":"Unknown products","status":422,"detail":"Some entries name products that are not in the catalog.",
                 "errors":{"entries[0].productId":["entry #1 (Pick 1) names product 000000000000000000000002, which is not in the catalog"]}}""");

        assertThat(publisher(gateway.uri()).publish(CATALOG, "s3cret")).isEqualTo(new DemoPublisher.Published(2, 2));
        assertThat(gateway.requests)
                .extracting(Request::line)
                .filteredOn(("POST " + path)::equals)
                .hasSize(2);
    }

    @Test
    void givesUpAfterThreeTriesWhenNothingListens() throws IOException {
        URI nowhere;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            nowhere = URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }

        assertThatThrownBy(() -> publisher(nowhere).publish(CATALOG, "s3cret"))
                .isInstanceOf(SeedingFailed.class)
                .hasMessageStartingWith("editor sign-in: the gateway at " + nowhere + " is not reachable");
    }

    @Test
    void publishesTheShippedCatalog() {
        assertThat(publisher(gateway.uri()).publish(DemoCatalog.load(), "s3cret"))
                .isEqualTo(new DemoPublisher.Published(21, 6));
        assertThat(gateway.requests).hasSize(1 + 21 + 6 + 6);
    }

    private static DemoPublisher publisher(URI uri) {
        return new DemoPublisher(uri, Duration.ofMillis(1));
    }

    private static Product product(String key, String name, String brand) {
        return new Product(
                key,
                name,
                "gear",
                brand,
                Map.of("type", "Over-ear"),
                List.of(new Offer("Soundhaus", "https://soundhaus.example.com/" + key, new Price("99.00", "USD"))));
    }

    private static Roundup roundup(String title, String... products) {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < products.length; i++) {
            entries.add(new Entry(
                    i + 1,
                    products[i],
                    "Pick " + (i + 1),
                    "Quiet and comfortable.",
                    List.of(new Feature("Battery", "30 hours"))));
        }
        return new Roundup(
                title,
                "A summary.",
                "Audio",
                List.of("headphones"),
                new Author("Mara Lindqvist", "Listens."),
                "An intro.",
                entries,
                List.of(new Section("Buying guide", "Try them on.")));
    }

    private record Request(String method, String path, String authorization, JsonNode body) {

        String line() {
            return method + " " + path;
        }
    }

    /** The gateway's write endpoints as the publisher uses them; records each request and answers as scripted. */
    private static final class FakeGateway implements AutoCloseable {

        private final HttpServer server;

        final List<Request> requests = new CopyOnWriteArrayList<>();

        private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

        private final Map<String, AtomicInteger> created = new ConcurrentHashMap<>();

        private final Map<String, Map<Integer, String[]>> scripted = new ConcurrentHashMap<>();

        FakeGateway() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", this::handle);
            server.start();
        }

        static String productId(int n) {
            return String.format("%024x", n);
        }

        static String articleId(int n) {
            return String.format("%024x", 0xa000 + n);
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        }

        /** The {@code nth} request to {@code path} gets this answer instead of the usual one. */
        void answer(String path, int nth, int status, String problem) {
            scripted.computeIfAbsent(path, p -> new ConcurrentHashMap<>())
                    .put(nth, new String[] {Integer.toString(status), problem});
        }

        private void handle(HttpExchange exchange) throws IOException {
            String path = exchange.getRequestURI().getPath();
            try (InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                requests.add(new Request(
                        exchange.getRequestMethod(),
                        path,
                        exchange.getRequestHeaders().getFirst("Authorization"),
                        JSON.readTree(body)));
            }
            int nth = calls.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            String[] script = scripted.getOrDefault(path, Map.of()).get(nth);
            if (script != null) {
                send(exchange, Integer.parseInt(script[0]), script[1]);
                return;
            }
            if (path.equals("/api/auth/token")) {
                send(exchange, 200, "{\"access_token\":\"demo-token\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
            } else if (path.equals("/api/products")) {
                send(exchange, 201, "{\"id\":\"" + productId(created(path)) + "\",\"revision\":1}");
            } else if (path.equals("/api/articles")) {
                send(exchange, 201, "{\"id\":\"" + articleId(created(path)) + "\",\"status\":\"DRAFT\"}");
            } else if (path.matches("/api/articles/[0-9a-f]{24}/publish")) {
                send(exchange, 200, "{\"status\":\"PUBLISHED\"}");
            } else {
                send(exchange, 404, "{\"title\":\"Not Found\",\"status\":404}");
            }
        }

        private int created(String path) {
            return created.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        }

        private static void send(HttpExchange exchange, int status, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders()
                    .add("Content-Type", status / 100 == 2 ? "application/json" : "application/problem+json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
