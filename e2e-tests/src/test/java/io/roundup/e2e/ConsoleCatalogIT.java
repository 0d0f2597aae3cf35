package io.roundup.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

/**
 * The console's catalog and admin pages in a real browser, through the gateway of the launched platform: an editor
 * creates a product with two offers, changes a price and finds it in the list; deleting a demo product that published
 * roundups rank is refused with those reviews linked; an admin changes the synonym rules (a bad rule is named next to
 * it and changes nothing), follows the reindex to its end and search honours the new rule; an editor is kept out of
 * admin. The synonym rules are put back as they were, so the classes sharing the platform see the demo's rules.
 */
@ExtendWith(SharedRoundup.class)
class ConsoleCatalogIT {

    private static final Duration REINDEX_PATIENCE = Duration.ofSeconds(90);
    private static final String HEIST = "best-heist-movies-on-blu-ray";

    private static SitePages site;
    private static Gateway gateway;
    private static String editorPassword;
    private static String adminPassword;

    private ConsoleBrowser console;
    private WebDriver driver;

    @BeforeAll
    static void platform(LaunchedRoundup roundup) {
        site = ConsoleBrowser.siteServingTheConsole(roundup);
        gateway = site.gateway();
        editorPassword = roundup.editorPassword();
        adminPassword = ConsoleBrowser.adminPassword(roundup);
    }

    @BeforeEach
    void openBrowser() {
        console = ConsoleBrowser.open(site);
        driver = console.driver();
    }

    @AfterEach
    void closeBrowser() {
        if (console != null) {
            console.close();
        }
    }

    @Test
    void anEditorCreatesAProductWithTwoOffersChangesAPriceAndFindsItInTheCatalog() throws Exception {
        String word = "Lampwick" + letters(6);
        String name = word + " Desk Lamp";
        console.signInToTheList("editor", editorPassword);
        console.openFromNav("Catalog", "catalog");
        console.click(By.id("new-product"));
        console.waitForView("product");

        console.type("p-name", name);
        console.type("p-kind", "gear");
        console.type("p-brand", "Lumen");
        console.click(By.cssSelector("[data-action=attribute-add]"));
        console.type("p-attributes-0-key", "power");
        console.type("p-attributes-0-value", "USB-C, 12 W");
        console.type("p-offers-0-retailer", "Bright Shop");
        console.type("p-offers-0-url", "https://bright.example.com/lamp");
        console.type("p-offers-0-price-amount", "59.00");
        console.click(By.cssSelector("[data-action=offer-add]"));
        console.type("p-offers-1-retailer", "Desk Depot");
        console.type("p-offers-1-url", "desk depot dot com");
        console.type("p-offers-1-price-amount", "64.50");
        assertThat(console.text("product-save-state")).isEqualTo("Unsaved changes");

        console.click(By.id("product-save"));
        console.waitFor(
                d -> "invalid".equals(d.findElement(By.id("product-save-state")).getAttribute("data-state")));
        assertThat(console.text("p-offers-1-url-error")).contains("must be an absolute http or https URL");
        assertThat(driver.findElement(By.id("p-offers-1-url")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        assertThat(driver.getCurrentUrl()).endsWith("#/products/new");

        console.replaceText("p-offers-1-url", "https://deskdepot.example.com/lumen");
        console.click(By.id("product-save"));
        waitForProductSaved();
        assertThat(console.text("product-save-state")).contains("revision 1");
        assertThat(driver.findElements(By.cssSelector("#view-product [aria-invalid=true]")))
                .isEmpty();
        String id = driver.getCurrentUrl().replaceAll(".*#/products/", "");
        assertThat(id).isNotBlank().isNotEqualTo("new");
        console.screenshots("console-product");
        console.assertNoSeriousAccessibilityViolations("the product editor");

        console.replaceText("p-offers-0-price-amount", "49.00");
        assertThat(console.text("product-save-state")).isEqualTo("Unsaved changes");
        console.click(By.id("product-save"));
        waitForProductSaved();
        assertThat(console.text("product-save-state")).contains("revision 2");
        JsonNode saved = gateway.get("/api/products/" + id).json();
        assertThat(saved.at("/offers/0/price/amount").asString()).isEqualTo("49.00");
        assertThat(saved.at("/offers/1/retailer").asString()).isEqualTo("Desk Depot");
        assertThat(saved.at("/lowestPrice/amount").asString()).isEqualTo("49.00");
        assertThat(saved.at("/attributes/power").asString()).isEqualTo("USB-C, 12 W");

        console.openFromNav("Catalog", "catalog");
        console.waitFor(d -> texts("#product-rows tr").size() > 3);
        console.screenshots("console-catalog");
        console.assertNoSeriousAccessibilityViolations("the catalog");

        console.type("catalog-q", word.toLowerCase());
        console.waitFor(d -> texts("#product-rows tr").size() == 1
                && texts("#product-rows tr").getFirst().contains(name));
        String row = driver.findElement(By.cssSelector("#product-rows tr")).getText();
        assertThat(row).contains(name, "gear", "Lumen", "49.00");
        assertThat(console.text("catalog-status")).isEqualTo("1 product match.");

        console.click(By.linkText(name));
        console.waitForView("product");
        assertThat(driver.findElement(By.id("p-offers-0-price-amount")).getAttribute("value"))
                .isEqualTo("49.00");
    }

    @Test
    void aProductSavedByAnotherEditorInBetweenShowsBothVersionsAndLosesNeither() {
        String token = gateway.token("editor", editorPassword);
        String name = "Conflux" + letters(6) + " Speaker";
        Gateway.Response created = gateway.post(
                "/api/products",
                token,
                Map.of(
                        "name",
                        name,
                        "kind",
                        "gear",
                        "offers",
                        List.of(Map.of(
                                "retailer",
                                "Sound Shop",
                                "url",
                                "https://sound.example.com/conflux",
                                "price",
                                Map.of("amount", "99.00", "currency", "USD")))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        console.signInToTheList("editor", editorPassword);
        driver.get(console.url("/editor#/products/" + id));
        console.waitForView("product");
        console.waitFor(d -> name.equals(d.findElement(By.id("p-name")).getAttribute("value")));

        Map<String, Object> theirs = new java.util.LinkedHashMap<>();
        theirs.put("name", name);
        theirs.put("kind", "gear");
        theirs.put("brand", "Theirs Audio");
        theirs.put("offers", created.json().get("offers"));
        Gateway.Response changed = gateway.put("/api/products/" + id, token, created.etag(), theirs);
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);

        console.replaceText("p-offers-0-price-amount", "79.00");
        console.click(By.id("product-save"));
        WebElement conflict = console.waitFor(d -> {
            WebElement box = d.findElement(By.id("product-conflict"));
            return box.isDisplayed() ? box : null;
        });
        assertThat(console.text("product-save-state")).isEqualTo("Not saved: changed by someone else");
        assertThat(conflict.getText()).contains("Brand", "Theirs Audio", "Offers", "99.00", "79.00");

        console.click(By.id("conflict-reload"));
        assertThat(driver.findElement(By.id("p-brand")).getAttribute("value")).isEqualTo("Theirs Audio");
        assertThat(driver.findElement(By.id("p-offers-0-price-amount")).getAttribute("value"))
                .isEqualTo("99.00");
        assertThat(console.text("product-conflict")).as("mine stays on screen").contains("79.00");
        console.replaceText("p-offers-0-price-amount", "79.00");
        console.click(By.id("product-save"));
        waitForProductSaved();
        assertThat(console.text("product-save-state")).contains("revision 3");
        JsonNode saved = gateway.get("/api/products/" + id).json();
        assertThat(saved.get("brand").asString()).as("their edit").isEqualTo("Theirs Audio");
        assertThat(saved.at("/offers/0/price/amount").asString()).as("mine").isEqualTo("79.00");
    }

    @Test
    void deletingADemoProductThatPublishedRoundupsRankIsRefusedWithThoseReviewsLinked() {
        JsonNode heist = site.article(HEIST);
        String heistId = heist.get("id").asString();
        console.signInToTheList("editor", editorPassword);
        console.openFromNav("Catalog", "catalog");
        console.type("catalog-q", "heat");
        WebElement link = console.waitFor(d -> d.findElement(By.linkText("Heat")));
        String productId = link.getAttribute("data-product");
        link.click();
        console.waitForView("product");
        assertThat(driver.findElement(By.id("p-name")).getAttribute("value")).isEqualTo("Heat");

        console.click(By.id("product-delete"));
        WebElement dialog = driver.findElement(By.id("product-delete-dialog"));
        console.waitFor(d -> dialog.isDisplayed());
        assertThat(dialog.getAttribute("open")).isNotNull();
        assertThat(dialog.getText()).contains("Delete this product?", "“Heat” leaves the catalog");
        assertThat(driver.switchTo().activeElement().getAttribute("id"))
                .as("the safe choice has the focus")
                .isEqualTo("product-delete-cancel");
        console.assertNoSeriousAccessibilityViolations("the delete confirmation");
        console.click(By.id("product-delete-confirm"));

        WebElement edit = console.waitFor(d -> d.findElement(By.cssSelector("#product-in-use a[data-article]")));
        assertThat(console.text("product-result"))
                .contains("Not deleted", "published review", heist.get("title").asString());
        assertThat(edit.getAttribute("href")).endsWith("/editor#/articles/" + heistId);
        assertThat(driver.findElement(By.cssSelector("#product-in-use a[data-reader]"))
                        .getAttribute("href"))
                .endsWith("/reviews/" + HEIST);
        assertThat(gateway.get("/api/products/" + productId).status())
                .as("the product stays")
                .isEqualTo(200);

        edit.click();
        console.waitForView("edit");
        console.waitFor(d -> heist.get("title")
                .asString()
                .equals(d.findElement(By.id("f-title")).getAttribute("value")));
        assertThat(site.get("/reviews/" + HEIST).statusCode()).isEqualTo(200);
    }

    @Test
    void anAdminChangesASynonymFollowsTheReindexToTheEndAndSearchHonoursIt() throws Exception {
        String adminToken = gateway.token("admin", adminPassword);
        Gateway.Response before = gateway.get("/api/search/synonyms", adminToken);
        assertThat(before.status()).as(before.body()).isEqualTo(200);
        List<String> original = strings(before.json().get("rules"));
        long revision = before.json().get("revision").asLong();
        String word = "zorblat" + letters(4);
        assertThat(gateway.get("/api/search?q=" + word).json().get("total").asLong())
                .as("before the rule, nothing matches the made-up word")
                .isZero();
        try {
            console.signInToTheList("admin", adminPassword);
            assertThat(console.navLinks()).containsExactly("Roundups", "Catalog", "Admin");
            console.openFromNav("Admin", "admin");
            console.waitFor(
                    d -> d.findElements(By.cssSelector("#synonym-rows input")).size() == original.size());
            int last = original.size();

            console.click(By.id("synonym-add"));
            console.type("rule-" + last, "justoneword");
            console.click(By.id("synonyms-save"));
            console.waitFor(d ->
                    !d.findElement(By.id("rule-" + last + "-error")).getText().isEmpty());
            assertThat(console.text("rule-" + last + "-error")).contains("must list equivalent words");
            assertThat(driver.findElement(By.id("rule-" + last)).getAttribute("aria-invalid"))
                    .isEqualTo("true");
            assertThat(console.text("synonyms-state")).contains("nothing changed");
            assertThat(gateway.get("/api/search/synonyms", adminToken)
                            .json()
                            .get("revision")
                            .asLong())
                    .as("a refused set changes nothing")
                    .isEqualTo(revision);

            console.replaceText("rule-" + last, word + ", heist");
            console.click(By.id("synonyms-save"));
            console.waitFor(
                    d -> "saved".equals(d.findElement(By.id("synonyms-state")).getAttribute("data-state")));
            assertThat(driver.findElements(By.cssSelector("#synonyms-form [aria-invalid=true]")))
                    .isEmpty();
            String savedJob = waitForReindexToFinish();

            console.click(By.id("reindex-start"));
            console.waitFor(d -> !jobId().equals(savedJob));
            waitForReindexToFinish();
            assertThat(console.text("reindex-job")).contains("replayed of", "roundup.articles");
            console.screenshots("console-admin");
            console.assertNoSeriousAccessibilityViolations("the admin page");

            await().atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(250))
                    .untilAsserted(() -> assertThat(
                                    slugs(gateway.get("/api/search?q=" + word).json()))
                            .contains(HEIST));
        } finally {
            restore(adminToken, original);
        }
    }

    @Test
    void anEditorDoesNotSeeAdminAndIsRefusedAtItsAddress() {
        console.signInToTheList("editor", editorPassword);
        assertThat(console.navLinks()).containsExactly("Roundups", "Catalog");
        assertThat(driver.findElement(By.cssSelector(".console-nav a[data-nav~=list]"))
                        .getAttribute("aria-current"))
                .isEqualTo("page");

        driver.get(console.url("/editor#/admin"));
        if (driver.findElement(By.id("view-signin")).isDisplayed()) {
            console.signIn("editor", editorPassword);
        }
        console.waitForView("admin");
        WebElement refused = console.waitFor(d -> d.findElement(By.id("admin-refused")));
        assertThat(refused.isDisplayed()).isTrue();
        assertThat(refused.getText()).contains("Admins only");
        assertThat(driver.findElement(By.id("admin-panels")).isDisplayed()).isFalse();
        assertThat(driver.findElements(By.cssSelector("#synonym-rows input"))).isEmpty();
    }

    private void waitForProductSaved() {
        console.waitFor(
                d -> "saved".equals(d.findElement(By.id("product-save-state")).getAttribute("data-state")));
        assertThat(console.text("product-save-state")).startsWith("Saved");
    }

    /** Waits for the job on screen to end; it must have succeeded, whole. Gives its id. */
    private String waitForReindexToFinish() {
        console.waitFor(REINDEX_PATIENCE, d -> {
            String status = d.findElement(By.id("reindex-job")).getAttribute("data-status");
            return "SUCCEEDED".equals(status) || "FAILED".equals(status);
        });
        assertThat(console.text("reindex-status")).isEqualTo("Finished");
        assertThat(console.text("reindex-progress-label")).startsWith("100 %");
        assertThat(driver.findElement(By.id("reindex-progress")).getAttribute("value"))
                .isEqualTo("100");
        return jobId();
    }

    private String jobId() {
        return driver.findElement(By.cssSelector("#reindex-job .job-facts dd")).getText();
    }

    /** Puts the rules back as the other classes sharing the platform expect them, and waits for their reindex. */
    private static void restore(String adminToken, List<String> original) {
        Gateway.Response now = gateway.get("/api/search/synonyms", adminToken);
        if (strings(now.json().get("rules")).equals(original)) {
            return;
        }
        Gateway.Response put = gateway.put("/api/search/synonyms", adminToken, now.etag(), Map.of("rules", original));
        assertThat(put.status()).as(put.body()).isEqualTo(202);
        String job = "/api/search/reindex/" + put.json().at("/reindex/id").asString();
        await().atMost(REINDEX_PATIENCE)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> gateway.get(job, adminToken).json().get("status").asString(), "SUCCEEDED"::equals);
    }

    private List<String> texts(String css) {
        return console.texts(css);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asString()));
        return values;
    }

    private static List<String> slugs(JsonNode results) {
        List<String> values = new ArrayList<>();
        results.get("hits").forEach(hit -> values.add(hit.get("slug").asString()));
        return values;
    }

    private static String letters(int count) {
        Random random = new Random();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }
}
