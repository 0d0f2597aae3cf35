package io.roundup.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * The reader site in a real browser: Debian's headless Chromium through the gateway of the launched platform, with
 * its JavaScript on. A reader searches with a typo, narrows by facets, pages to the end, shares a link, reads a
 * roundup, follows an old link and sees an unpublished review go; the pages pass an accessibility check and run no
 * inline script.
 */
@ExtendWith(SharedRoundup.class)
class SiteBrowserIT {

    private static final String ESPRESSO = "best-espresso-grinders-for-a-home-cafe";
    private static final String HEADPHONES = "best-noise-cancelling-headphones";

    private static SitePages site;
    private static SiteBrowser browser;
    private static WebDriver driver;

    @BeforeAll
    static void open(LaunchedRoundup roundup) {
        site = new SitePages(roundup);
        browser = SiteBrowser.open();
        driver = browser.driver();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> site.get("/reviews/" + ESPRESSO).statusCode() == 200);
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aTypoStillSuggestsAndFindsHighlightedResultsAsTheReaderTypes() {
        driver.get(url("/search"));
        WebElement box = driver.findElement(By.id("q"));

        box.sendKeys("espreso");

        waitFor(d -> "true".equals(box.getAttribute("aria-expanded")));
        assertThat(texts("#q-suggestions [role=option]")).anyMatch(text -> text.contains("Espresso"));
        // one live region: it says how many suggestions, then how many results once they are in
        assertThat(driver.findElement(By.id("q-status")).getAttribute("textContent"))
                .matches("\\d+ (suggestions?\\. Use the arrow keys to choose|roundups? found)\\.");
        waitFor(d -> d.getCurrentUrl().contains("q=espreso")
                && !d.findElements(By.cssSelector("#results mark")).isEmpty());
        assertThat(texts("#results mark")).anyMatch(text -> text.equalsIgnoreCase("espresso"));
        assertThat(texts(".result-title a")).contains("Best Espresso Grinders for a Home Café");

        box.sendKeys(Keys.ARROW_DOWN);
        String active = box.getAttribute("aria-activedescendant");
        assertThat(active).isEqualTo("q-option-0");
        assertThat(driver.findElement(By.id(active)).getAttribute("aria-selected"))
                .isEqualTo("true");
        box.sendKeys(Keys.ESCAPE);
        waitFor(d -> "false".equals(box.getAttribute("aria-expanded")));
        assertThat(box.getAttribute("aria-activedescendant")).isNull();
    }

    /** Readers type a model's name without its brand: the product is suggested from any word of its name. */
    @Test
    void aModelNameTypedWithoutItsBrandSuggestsTheProduct() {
        driver.get(url("/"));
        WebElement box = driver.findElement(By.id("q"));

        box.sendKeys("travel an");

        waitFor(d -> "true".equals(box.getAttribute("aria-expanded")));
        assertThat(texts("#q-suggestions [role=option]")).contains("Nordlys Travel ANC");
        box.sendKeys(Keys.ARROW_DOWN);
        int chosen = texts("#q-suggestions [role=option]").indexOf("Nordlys Travel ANC");
        for (int i = 0; i < chosen; i++) {
            box.sendKeys(Keys.ARROW_DOWN);
        }
        box.sendKeys(Keys.ENTER);
        waitFor(d -> d.getCurrentUrl().contains("/search?q=Nordlys"));
        assertThat(texts(".result-title a")).contains("Best Noise-Cancelling Headphones");
    }

    @Test
    void twoFacetValuesNarrowThenWidenTheResultsAndBackUndoes() {
        driver.get(url("/search"));
        long all = resultCount();
        List<String> tagsBefore = texts(".facet[data-facet=tag] .facet-value");

        clickFacet("category", "Audio");
        waitFor(d -> d.getCurrentUrl().contains("category=Audio") && notBusy());
        long audio = resultCount();
        assertThat(audio).isPositive().isLessThan(all);
        assertThat(texts(".result .meta a[href^='/categories/']")).containsOnly("Audio");
        assertThat(texts(".facet[data-facet=tag] .facet-value"))
                .as("the other facets' counts")
                .isNotEqualTo(tagsBefore);

        clickFacet("category", "Kitchen");
        waitFor(d -> d.getCurrentUrl().contains("category=Kitchen") && notBusy());
        long audioOrKitchen = resultCount();
        assertThat(audioOrKitchen).isGreaterThan(audio);
        assertThat(texts(".result .meta a[href^='/categories/']"))
                .containsOnly("Audio", "Kitchen")
                .contains("Kitchen");
        assertThat(texts(".chip-list .chip")).hasSize(2);

        driver.navigate().back();
        waitFor(d ->
                !d.getCurrentUrl().contains("Kitchen") && d.getCurrentUrl().contains("category=Audio") && notBusy());
        waitFor(d -> resultCount() == audio);
        assertThat(texts(".chip-list .chip")).hasSize(1);
    }

    @Test
    void moreResultsReachesTheEndWithoutADuplicate() {
        driver.get(url("/search"));
        long total = resultCount();
        assertThat(driver.findElements(By.cssSelector("a[data-more]"))).isNotEmpty();
        while (!driver.findElements(By.cssSelector("a[data-more]")).isEmpty()) {
            int shown = driver.findElements(By.cssSelector(".results > li")).size();
            driver.findElement(By.cssSelector("a[data-more]")).click();
            waitFor(d -> d.findElements(By.cssSelector(".results > li")).size() > shown && notBusy());
        }
        List<String> links = attributes(".results .result-title a", "href");
        assertThat(links).doesNotHaveDuplicates().hasSize((int) total);
    }

    @Test
    void aCopiedAddressOpensTheSameSearchInAFreshBrowser() {
        driver.get(url("/search"));
        WebElement box = driver.findElement(By.id("q"));
        box.sendKeys("headphones");
        waitFor(d -> d.getCurrentUrl().contains("q=headphones") && notBusy());
        clickFacet("productKind", "gear");
        waitFor(d -> d.getCurrentUrl().contains("productKind=gear") && notBusy());
        String address = driver.getCurrentUrl();
        List<String> titles = texts(".result-title a");
        List<String> chips = texts(".chip-list .chip");
        long count = resultCount();

        try (SiteBrowser fresh = SiteBrowser.open()) {
            fresh.driver().get(address);
            assertThat(fresh.driver().findElement(By.id("q")).getAttribute("value"))
                    .isEqualTo("headphones");
            assertThat(fresh.driver().findElements(By.cssSelector(".result-title a")).stream()
                            .map(WebElement::getText)
                            .toList())
                    .isEqualTo(titles);
            assertThat(fresh.driver().findElements(By.cssSelector(".chip-list .chip")).stream()
                            .map(WebElement::getText)
                            .toList())
                    .isEqualTo(chips);
            assertThat(fresh.driver()
                            .findElement(By.cssSelector("#result-count strong"))
                            .getText())
                    .isEqualTo(Long.toString(count));
        }
    }

    @Test
    void aRoundupShowsEveryRankedEntryWithItsFeatureTableAndPrice() {
        JsonNode article = site.article(HEADPHONES);
        driver.get(url("/search?q=headphones"));
        driver.findElement(By.linkText(article.get("title").asString())).click();
        waitFor(d -> d.getCurrentUrl().endsWith("/reviews/" + HEADPHONES));

        List<WebElement> entries = driver.findElements(By.cssSelector("section.entry"));
        assertThat(entries).hasSize(article.get("entries").size());
        for (int i = 0; i < entries.size(); i++) {
            WebElement entry = entries.get(i);
            JsonNode written = article.get("entries").get(i);
            assertThat(entry.findElement(By.cssSelector(".product-name strong")).getText())
                    .isEqualTo(written.get("product").get("name").asString());
            assertThat(entry.findElements(By.cssSelector("table.features tbody tr")))
                    .hasSize(written.get("features").size());
            assertThat(entry.findElements(By.cssSelector(".offer-price")))
                    .isNotEmpty()
                    .allMatch(price -> price.getText().matches("\\D*\\d+\\.\\d{2}"));
            assertThat(entry.findElements(By.cssSelector("a.button-buy")))
                    .allMatch(link -> "sponsored nofollow noopener".equals(link.getAttribute("rel")));
        }
        assertThat(driver.findElement(By.cssSelector(".author-box")).getText())
                .contains(article.get("author").get("name").asString());
    }

    @Test
    void anOldAddressMovesPermanentlyToTheNewOne() {
        SitePages.Published roundup = site.publish("slate" + System.nanoTime() % 100000, "Testing");
        String renamed = site.rename(roundup, roundup.slug() + "-revisited");

        HttpResponse<String> old = site.get("/reviews/" + roundup.slug());
        assertThat(old.statusCode()).isEqualTo(301);
        assertThat(old.headers().firstValue("Location").orElse("")).endsWith("/reviews/" + renamed);

        driver.get(url("/reviews/" + roundup.slug()));
        waitFor(d -> d.getCurrentUrl().endsWith("/reviews/" + renamed));
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains(roundup.word());
    }

    @Test
    void anUnpublishedRoundupLeavesSearchAndItsPageAnswersNotFound() {
        SitePages.Published roundup = site.publish("quartz" + System.nanoTime() % 100000, "Testing");
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    driver.get(url("/search?q=" + roundup.word()));
                    assertThat(texts(".result-title a")).anyMatch(title -> title.contains(roundup.word()));
                });

        site.unpublish(roundup);

        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    driver.get(url("/search?q=" + roundup.word()));
                    assertThat(texts(".result-title a")).noneMatch(title -> title.contains(roundup.word()));
                });
        HttpResponse<String> page = site.get("/reviews/" + roundup.slug());
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        driver.get(url("/reviews/" + roundup.slug()));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Page not found");
    }

    @Test
    void noPageRunsAnInlineScriptAndThePolicySaysSo() {
        for (String path : pages()) {
            driver.get(url(path));
            browser.consoleMessages(); // what loading said is checked below; start afresh
            browser.script("const s = document.createElement('script');"
                    + "s.textContent = 'window.injectedRan = true';"
                    + "document.body.append(s);");
            assertThat(browser.script("return window.injectedRan === true"))
                    .as("an injected inline script ran on " + path)
                    .isEqualTo(false);
            assertThat(browser.consoleMessages())
                    .as("the browser reports the refused script on " + path)
                    .anyMatch(message -> message.contains("Content Security Policy"));

            driver.get(url(path));
            assertThat(browser.consoleMessages())
                    .as("console of " + path + " (CSP violations, errors)")
                    .noneMatch(message -> message.contains("Content Security Policy"))
                    .noneMatch(message -> message.contains("SEVERE") && !message.contains("favicon"));
            assertThat(site.get(path)
                            .headers()
                            .firstValue("Content-Security-Policy")
                            .orElse(""))
                    .contains("script-src 'self'")
                    .doesNotContain("unsafe-inline");
        }
    }

    @Test
    void pagesPassAnAutomatedAccessibilityCheck() {
        for (String path : pages()) {
            driver.get(url(path));
            List<String> serious = browser.seriousAccessibilityViolations();
            assertThat(serious)
                    .as("serious or critical accessibility violations on " + path)
                    .isEmpty();
        }
    }

    @Test
    void screenshotsOfTheSearchAndRoundupPagesAtDesktopAndPhoneWidths() throws Exception {
        driver.get(url("/search?q=best"));
        List<Path> shots = new ArrayList<>();
        shots.add(browser.screenshot("search-desktop", 1366, false));
        shots.add(browser.screenshot("search-phone", 390, true));
        driver.get(url("/reviews/" + HEADPHONES));
        shots.add(browser.screenshot("roundup-desktop", 1366, false));
        shots.add(browser.screenshot("roundup-phone", 390, true));
        for (Path shot : shots) {
            assertThat(Files.size(shot)).as(shot.toString()).isGreaterThan(10_000);
        }
    }

    private static List<String> pages() {
        return List.of(
                "/",
                "/search?q=headphones",
                "/search?q=espresso&category=Film",
                "/reviews/" + HEADPHONES,
                "/categories/Audio",
                "/authors/Mara%20Lindqvist",
                "/reviews/no-such-roundup");
    }

    private static void clickFacet(String facet, String label) {
        driver.findElements(By.cssSelector(".facet[data-facet=" + facet + "] .facet-value")).stream()
                .filter(link -> link.findElement(By.cssSelector(".facet-label"))
                        .getText()
                        .equals(label))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no facet value " + facet + "=" + label + " on the page"))
                .click();
    }

    private static boolean notBusy() {
        return driver.findElements(By.cssSelector("#results[aria-busy=true]")).isEmpty();
    }

    private static long resultCount() {
        return Long.parseLong(
                driver.findElement(By.cssSelector("#result-count strong")).getText());
    }

    private static List<String> texts(String css) {
        return driver.findElements(By.cssSelector(css)).stream()
                .map(WebElement::getText)
                .toList();
    }

    private static List<String> attributes(String css, String attribute) {
        return driver.findElements(By.cssSelector(css)).stream()
                .map(e -> e.getAttribute(attribute))
                .toList();
    }

    private static void waitFor(java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(condition::apply);
    }

    private static String url(String path) {
        return site.base().resolve(path).toString();
    }
}
