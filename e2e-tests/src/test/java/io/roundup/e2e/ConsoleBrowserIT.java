package io.roundup.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chromium.ChromiumDriver;

/**
 * The editor console in a real browser, through the gateway of the launched platform: an editor signs in, writes a
 * roundup with products picked from the catalog, a feature table and a buying guide, watches autosave, reorders two
 * entries, publishes and finds it on the reader site; a tab closed mid-edit gives its text back; the console's pages
 * pass the accessibility check.
 */
@ExtendWith(SharedRoundup.class)
class ConsoleBrowserIT {

    private static SitePages site;
    private static String password;

    private ConsoleBrowser console;
    private WebDriver driver;

    @BeforeAll
    static void platform(LaunchedRoundup roundup) {
        site = ConsoleBrowser.siteServingTheConsole(roundup);
        password = roundup.editorPassword();
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
    void anEditorWritesARoundupFromTheCatalogReordersItPublishesItAndReadersFindIt() throws Exception {
        String title =
                "Best Commuter Headphones " + UUID.randomUUID().toString().substring(0, 8);
        signIn();
        click(By.id("new-article"));
        type("f-title", title);
        type("f-summary", "Three pairs for the train, tried for a month.");
        type("f-category", "Audio");
        type("f-tags", "commute, headphones");
        type("f-intro", "We rode **every** line with these.");
        waitFor(d -> d.findElement(By.id("preview")).getAttribute("innerHTML").contains("<strong>every</strong>"));

        console.addEntry(0, "Aurora", "Aurora ANC Pro", "The quietest of the three.", "Battery", "30 hours");
        console.addEntry(1, "Nordlys", "Nordlys Travel ANC", "Folds the smallest.", "Weight", "190 g");
        console.addEntry(2, "Kestrel", "Kestrel Commute 2", "The best value.", "Price", "Under 100");
        click(By.cssSelector("[data-action=section-add]"));
        type("f-sections-0-heading", "Buying guide");
        type("f-sections-0-body", "Look for *comfort* first.");

        console.waitForSaved();
        assertThat(console.entryHeadings())
                .containsExactly("Aurora ANC Pro", "Nordlys Travel ANC", "Kestrel Commute 2");
        assertThat(driver.findElement(By.id("f-slug")).getAttribute("value")).startsWith("best-commuter-headphones-");
        waitFor(d -> d.findElement(By.id("preview")).getAttribute("innerHTML").contains("<em>comfort</em>"));
        console.screenshots("console-editor");
        console.assertNoSeriousAccessibilityViolations("the editor");

        click(By.cssSelector("[data-action=entry-down][data-index='0']"));
        assertThat(console.entryHeadings())
                .containsExactly("Nordlys Travel ANC", "Aurora ANC Pro", "Kestrel Commute 2");
        assertThat(texts(".console-rank")).containsExactly("Rank 1", "Rank 2", "Rank 3");
        console.waitForSaved();

        click(By.id("publish-now"));
        waitFor(d -> d.findElement(By.id("publish-result")).getText().startsWith("Published"));
        WebElement live = driver.findElement(By.id("live-in-search"));
        assertThat(live.getAttribute("role")).as("announced").isEqualTo("status");
        waitFor(d -> "live".equals(live.getAttribute("data-state")));
        assertThat(live.getText()).startsWith("Live in search");
        assertThat(live.findElement(By.tagName("a")).getAttribute("href"))
                .contains("/reviews/best-commuter-headphones-");
        console.screenshots("console-live");
        console.assertNoSeriousAccessibilityViolations("the editor, live in search");
        WebElement readerLink = driver.findElement(By.cssSelector("#publish-result a"));
        String readerPage = readerLink.getAttribute("href");

        // live in search means readers' search finds it now, with no waiting
        String tag = title.substring(title.lastIndexOf(' ') + 1);
        driver.get(url("/search?q=" + tag));
        assertThat(texts(".result-title a")).contains(title);

        driver.get(readerPage);
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(title);
        assertThat(texts(".entry-heading"))
                .containsExactly(
                        "Number 1: Nordlys Travel ANC", "Number 2: Aurora ANC Pro", "Number 3: Kestrel Commute 2");
        assertThat(driver.findElement(By.tagName("main")).getText())
                .contains("Buying guide", "190 g", "30 hours", "Under 100");

        driver.get(url("/editor"));
        signIn();
        WebElement filter = driver.findElement(By.id("filter-text"));
        filter.sendKeys(title);
        waitFor(d -> texts("#article-rows tr").size() == 1);
        WebElement row = driver.findElement(By.cssSelector("#article-rows tr"));
        assertThat(row.getText()).contains(title, "Published", "editor", "Up to date");
        filter.clear();
        filter.sendKeys(" ");
        waitFor(d -> texts("#article-rows tr").size() > 1);
        console.screenshots("console-list");
        console.assertNoSeriousAccessibilityViolations("the list");
    }

    @Test
    void aTabClosedMidEditGivesItsUnsavedTextBack() {
        String title = "Kept Draft " + UUID.randomUUID().toString().substring(0, 8);
        signIn();
        click(By.id("new-article"));
        type("f-title", title);
        console.waitForSaved();

        // the network goes away: autosave cannot reach the server, and the tab is closed with the text unsaved
        ((ChromiumDriver) driver).executeCdpCommand("Network.enable", Map.of());
        ((ChromiumDriver) driver)
                .executeCdpCommand(
                        "Network.emulateNetworkConditions",
                        Map.of("offline", true, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
        type("f-intro", "Words typed on a train, never saved.");
        waitFor(d -> Set.of("failed", "dirty")
                .contains(d.findElement(By.id("save-state")).getAttribute("data-state")));
        String closing = driver.getWindowHandle();
        driver.switchTo().newWindow(WindowType.TAB);
        String reopened = driver.getWindowHandle();
        driver.switchTo().window(closing).close();
        driver.switchTo().window(reopened);

        driver.get(url("/editor"));
        signIn();
        WebElement offer = waitFor(d -> d.findElement(By.id("recovered")));
        waitFor(d -> offer.isDisplayed() && offer.getText().contains(title));
        offer.findElements(By.cssSelector("[data-restore]")).stream()
                .filter(b -> b.findElement(By.xpath("..")).getText().contains(title))
                .findFirst()
                .orElseThrow()
                .click();
        waitFor(d -> "Words typed on a train, never saved."
                .equals(d.findElement(By.id("f-intro")).getAttribute("value")));
        assertThat(driver.findElement(By.id("f-title")).getAttribute("value")).isEqualTo(title);
        console.waitForSaved();
        assertThat(localStorageKeys()).noneMatch(key -> key.contains("token"));
        assertThat((String) console.browser().script("return JSON.stringify(localStorage) + document.cookie"))
                .doesNotContain("eyJ");
    }

    @Test
    void theSignInPagePassesTheAccessibilityCheckAndRefusesAWrongPassword() {
        driver.get(url("/editor"));
        console.assertNoSeriousAccessibilityViolations("sign-in");
        driver.findElement(By.id("signin-username")).sendKeys("editor");
        driver.findElement(By.id("signin-password")).sendKeys("not-the-password");
        click(By.cssSelector("#signin-form button[type=submit]"));
        waitFor(d -> d.findElement(By.id("signin-error")).getText().contains("Wrong username or password"));
        assertThat(driver.findElement(By.id("view-list")).isDisplayed()).isFalse();
        assertThat(console.browser().consoleMessages()).noneMatch(m -> m.contains("Content Security Policy"));
    }

    private void signIn() {
        console.signInToTheList("editor", password);
    }

    private void type(String id, String text) {
        console.type(id, text);
    }

    private void click(By by) {
        console.click(by);
    }

    private <T> T waitFor(Function<WebDriver, T> condition) {
        return console.waitFor(condition);
    }

    private List<String> texts(String css) {
        return console.texts(css);
    }

    @SuppressWarnings("unchecked")
    private List<String> localStorageKeys() {
        return (List<String>) console.browser().script("return Object.keys(localStorage)");
    }

    private static String url(String path) {
        return site.base().resolve(path).toString();
    }
}
