package io.roundup.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The platform's core promise, checked from outside: an editor publishes a review through the gateway and readers
 * find it in search within two seconds; drafts and unpublished reviews never show. The platform is started exactly as
 * a newcomer's {@code ./roundup up} starts it (the script and the launcher in a process of their own: real Kafka,
 * Elasticsearch and MongoDB, four service JVMs), from a checkout in a folder only its owner may enter; the launch is
 * shared with the other end-to-end classes of the run ({@link SharedRoundup}, which also checks that stopping it
 * leaves nothing behind).
 */
@ExtendWith(SharedRoundup.class)
class PublishToSearchIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static LaunchedRoundup roundup;
    private static Gateway gateway;
    private static String editorToken;

    @BeforeAll
    static void connect(LaunchedRoundup platform) {
        roundup = platform;
        gateway = new Gateway(roundup.gatewayUri());
        editorToken = gateway.token("editor", roundup.editorPassword());
    }

    /** Debian's /root is mode 700, and Elasticsearch, which refuses root, runs as uid 65534 then. */
    @Test
    void comesUpAsRootFromACheckoutInAFolderOnlyItsOwnerMayEnter() throws IOException {
        assumeTrue(
                Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid")),
                "only root runs Elasticsearch as another user, who could not enter such a folder");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(roundup.home())))
                .as("the folder the checkout lies in")
                .isEqualTo("rwx------");
        assertThat(roundup.dataDir()).startsWith(roundup.home());
        assertThat(roundup.console()).contains("Roundup is up");
        Path elasticsearchData = roundup.elasticsearchData();
        assertThat(elasticsearchData).isDirectory().matches(path -> !path.startsWith(roundup.home()));
        assertThat(roundup.console()).contains("data in " + elasticsearchData);
    }

    /** A newcomer sees Roundup's progress and real problems only; what the libraries say goes to the log files. */
    @Test
    void theConsoleShowsRoundupsOwnLinesOnly() {
        assertThat(roundup.consoleLines())
                .as("the console of ./roundup up")
                .noneMatch(line -> line.contains("WARNING"))
                .noneMatch(line -> line.contains("SLF4J"))
                .noneMatch(line -> line.matches(".*\\b(INFO|WARN|ERROR)\\b.*"))
                .noneMatch(line -> line.contains("Exception"))
                .noneMatch(line -> line.startsWith("roundup:"));
        assertThat(roundup.dataDir().resolve("logs/launcher.log"))
                .content()
                .as("what dev-services says, kept in the launcher's log")
                .contains("Kafka started on");
    }

    @Test
    void aFirstStartSeedsDemoRoundupsThatReadersFindAtOnce() {
        assertThat(roundup.console()).contains("Seeding demo content").doesNotContain("demo content not seeded");

        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    JsonNode found = search("espresso");
                    assertThat(found.get("hits")
                                    .valueStream()
                                    .map(h -> h.get("title").asString()))
                            .contains("Best Espresso Grinders for a Home Café");
                });
        JsonNode listing = gateway.get("/api/articles?size=100").json();
        assertThat(listing.get("totalItems").asInt()).isGreaterThanOrEqualTo(6);
    }

    /** A roundup shaped like the seed: four ranked products with feature tables and offers, a guide, final thoughts. */
    @Test
    void aCompleteRoundupReadsBackAsWrittenApartFromSanitizedHtml() {
        String word = "quillfeather" + System.nanoTime() % 100000;
        List<String> productIds = new ArrayList<>();
        String[][] products = {
            {"Tallow Field Recorder", "349.00"}, {"Tallow Pocket Recorder", "129.50"},
            {"Marram Shotgun Mic", "219.00"}, {"Marram Lavalier Pair", "89.99"}
        };
        for (String[] product : products) {
            Gateway.Response created = gateway.post(
                    "/api/products",
                    editorToken,
                    Map.of(
                            "name",
                            product[0],
                            "kind",
                            "gear",
                            "brand",
                            product[0].split(" ")[0],
                            "attributes",
                            Map.of("inputs", "2 XLR"),
                            "offers",
                            List.of(
                                    Map.of(
                                            "retailer",
                                            "Field Audio",
                                            "url",
                                            "https://fieldaudio.example.com/" + productIds.size(),
                                            "price",
                                            Map.of("amount", product[1], "currency", "EUR")),
                                    Map.of(
                                            "retailer",
                                            "Sound Depot",
                                            "url",
                                            "https://depot.example.net/p/" + productIds.size(),
                                            "price",
                                            Map.of("amount", "399.00", "currency", "EUR")))));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            productIds.add(created.json().get("id").asString());
        }
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            entries.add(Map.of(
                    "rank", i + 1,
                    "productId", productIds.get(i),
                    "heading", (i + 1) + ". " + products[i][0],
                    "body",
                            "The " + products[i][0] + " earns its place with a quiet preamp and *honest* meters.\n\n"
                                    + "We carried it through rain, wind and one " + word + " choir rehearsal.",
                    "features",
                            List.of(
                                    Map.of("name", "Preamp noise", "description", "-127 dBu EIN"),
                                    Map.of("name", "Battery", "description", (8 + i) + " hours on two AA cells"),
                                    Map.of("name", "Storage", "description", "microSD up to 1 TB"))));
        }
        String dirtyBody = "Great <b>bass</b> handling<script>alert('x')</script> and **punch**.";
        entries.set(
                3,
                Map.of(
                        "rank",
                        4,
                        "productId",
                        productIds.get(3),
                        "heading",
                        "4. " + products[3][0],
                        "body",
                        dirtyBody,
                        "features",
                        List.of(Map.of("name", "Range", "description", "50 m line of sight"))));
        Map<String, Object> article = Map.of(
                "title",
                "The Best Portable Recorders for Field Sound",
                "summary",
                "Four recorders and mics that survive weather, wind and long days away from a socket.",
                "category",
                "Audio",
                "tags",
                List.of("recorders", "field-recording", "microphones"),
                "author",
                Map.of("name", "Ines Varga", "bio", "Records birds before breakfast and trains after lunch."),
                "intro",
                "A field recorder should be **quiet**, quick to start and kind to batteries.",
                "entries",
                entries,
                "sections",
                List.of(
                        Map.of(
                                "heading",
                                "Buying guide",
                                "body",
                                "Count inputs first, then battery hours, then weight."),
                        Map.of("heading", "Final thoughts", "body", "Buy the quietest preamp you can carry.")));

        Gateway.Response draft = gateway.post("/api/articles", editorToken, article);
        assertThat(draft.status()).as(draft.body()).isEqualTo(201);
        String id = draft.json().get("id").asString();
        Gateway.Response published = gateway.post("/api/articles/" + id + "/publish", editorToken, "{}");
        assertThat(published.status()).as(published.body()).isEqualTo(200);

        JsonNode read = gateway.get(
                        "/api/articles/by-slug/" + published.json().get("slug").asString())
                .json();
        assertThat(read.get("id").asString()).isEqualTo(id);
        for (String field : List.of("title", "summary", "category", "tags", "author", "intro", "sections")) {
            assertThat(read.get(field)).as(field).isEqualTo(JSON.valueToTree(article.get(field)));
        }
        for (int i = 0; i < 3; i++) {
            ObjectNode entry = ((ObjectNode) read.get("entries").get(i)).deepCopy();
            JsonNode card = entry.remove("product"); // what the page adds: the product as the catalog has it
            assertThat(entry).as("entry %d", i + 1).isEqualTo(JSON.valueToTree(entries.get(i)));
            assertThat(card.get("name").asString()).isEqualTo(products[i][0]);
            assertThat(card.at("/offers/0/url").asString()).isEqualTo("https://fieldaudio.example.com/" + i);
        }
        JsonNode sanitized = read.get("entries").get(3);
        assertThat(sanitized.get("heading").asString()).isEqualTo("4. Marram Lavalier Pair");
        assertThat(sanitized.get("body").asString())
                .contains("<b>bass</b>", "**punch**")
                .doesNotContain("script", "alert");

        await().atMost(Duration.ofSeconds(2))
                .pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(hitIds(word)).containsExactly(id));
        JsonNode hit = search(word).get("hits").get(0);
        assertThat(hit.get("products").valueStream().map(p -> p.get("id").asString()))
                .containsExactlyElementsOf(productIds);
        assertThat(hit.at("/products/3/price/amount").asString())
                .as("the lowest offer")
                .isEqualTo("89.99");
    }

    @Test
    void printsOnlyTheGeneratedPasswordOnceAndItWorks() {
        String console = roundup.console();
        assertThat(console).doesNotContain(roundup.editorPassword());
        String adminPassword = roundup.printedAdminPassword()
                .orElseThrow(() -> new AssertionError("no generated admin password printed:\n" + console));
        String adminToken = gateway.token("admin", adminPassword);

        Gateway.Response reindexByEditor = gateway.post("/api/search/reindex", editorToken, "{}");
        assertThat(reindexByEditor.status()).isEqualTo(403);
        Gateway.Response reindexByAdmin = gateway.post("/api/search/reindex", adminToken, "{}");
        assertThat(reindexByAdmin.status()).as(reindexByAdmin.body()).isEqualTo(202);
        String job = "/api/search/reindex/" + reindexByAdmin.json().get("id").asString();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertThat(gateway.get(job, adminToken)
                                .json()
                                .get("status")
                                .asString())
                        .isEqualTo("SUCCEEDED"));
    }

    @Test
    void aPublishedReviewIsFoundWithinTwoSecondsFollowsPriceChangesAndLeavesOnUnpublish() {
        String word = "zephyrine" + System.nanoTime() % 100000;
        Gateway.Response product = gateway.post("/api/products", editorToken, turntable(word, "249.00"));
        assertThat(product.status()).as(product.body()).isEqualTo(201);
        String productId = product.json().get("id").asString();

        Gateway.Response draft = gateway.post(
                "/api/articles",
                editorToken,
                Map.of(
                        "title", "The Best Turntables for a First Record Collection",
                        "summary", "Four decks that treat your vinyl kindly without emptying your wallet.",
                        "category", "Audio",
                        "tags", List.of("turntables", "vinyl"),
                        "author", Map.of("name", "Noor Castellan", "bio", "Buys records faster than shelves."),
                        "intro", "A first turntable should be **easy to set up** and gentle on records.",
                        "entries",
                                List.of(Map.of(
                                        "rank",
                                        1,
                                        "productId",
                                        productId,
                                        "heading",
                                        "Larkspur Turntable",
                                        "body",
                                        "The " + word
                                                + " platter spins quietly and the arm tracks warped pressings well.",
                                        "features",
                                        List.of(Map.of("name", "Drive", "description", "Belt"))))));
        assertThat(draft.status()).as(draft.body()).isEqualTo(201);
        String articleId = draft.json().get("id").asString();
        assertThat(draft.json().get("status").asString()).isEqualTo("DRAFT");

        assertThat(gateway.get("/api/articles/" + articleId).status())
                .as("a draft is invisible to the public")
                .isEqualTo(404);
        assertThat(hitIds(word)).isEmpty();

        Gateway.Response published = gateway.post("/api/articles/" + articleId + "/publish", editorToken, "{}");
        long publishAnswered = System.nanoTime();
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(published.json().get("status").asString()).isEqualTo("PUBLISHED");

        AtomicReference<JsonNode> hit = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(2))
                .pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> {
                    JsonNode found = search(word);
                    assertThat(found.get("hits")).hasSize(1);
                    hit.set(found.get("hits").get(0));
                });
        System.out.printf("[e2e] publish -> searchable in %d ms%n", (System.nanoTime() - publishAnswered) / 1_000_000);
        assertThat(hit.get().get("id").asString()).isEqualTo(articleId);
        assertThat(hit.get().get("highlights").toString()).contains("<em>" + word + "</em>");
        assertThat(hit.get().at("/products/0/price/amount").asString()).isEqualTo("249.00");
        assertThat(gateway.get("/api/articles/" + articleId).status()).isEqualTo(200);

        Gateway.Response current = gateway.get("/api/products/" + productId);
        Gateway.Response repriced =
                gateway.put("/api/products/" + productId, editorToken, current.etag(), turntable(word, "199.00"));
        assertThat(repriced.status()).as(repriced.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(2))
                .pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(search(word)
                                .at("/hits/0/products/0/price/amount")
                                .asString())
                        .isEqualTo("199.00"));

        Gateway.Response unpublished = gateway.post("/api/articles/" + articleId + "/unpublish", editorToken, "{}");
        assertThat(unpublished.status()).as(unpublished.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(2))
                .pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(hitIds(word)).isEmpty());
        assertThat(gateway.get("/api/articles/" + articleId).status()).isEqualTo(404);
    }

    @Test
    void writesNeedAnEditorTokenAndErrorsAreProblemDetails() {
        Gateway.Response anonymous = gateway.post("/api/products", null, Map.of("name", "x", "kind", "gear"));
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");

        Gateway.Response wrongPassword =
                gateway.post("/api/auth/token", null, Map.of("username", "editor", "password", "nope"));
        assertThat(wrongPassword.status()).isEqualTo(401);

        Gateway.Response invalid = gateway.post("/api/products", editorToken, Map.of("kind", "gear"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("errors").has("name")).isTrue();
    }

    private static JsonNode search(String q) {
        Gateway.Response response = gateway.get("/api/search?q=" + q);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static List<String> hitIds(String q) {
        return search(q)
                .get("hits")
                .valueStream()
                .map(h -> h.get("id").asString())
                .toList();
    }

    /** The product the publish-to-search test reviews, at a price of its own. */
    private static Map<String, Object> turntable(String word, String price) {
        return Map.of(
                "name",
                "Larkspur " + word + " Turntable",
                "kind",
                "gear",
                "brand",
                "Larkspur",
                "attributes",
                Map.of("drive", "belt"),
                "offers",
                List.of(Map.of(
                        "retailer",
                        "Corner Hi-Fi",
                        "url",
                        "https://shop.example.com/larkspur",
                        "price",
                        Map.of("amount", price, "currency", "USD"))));
    }
}
