package io.roundup.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The editor console as an editor uses it, in one real browser: the steps the console's browser tests share
 * (signing in, typing, picking a product, waiting for autosave) written once, by what the editor sees.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final Duration PATIENCE = Duration.ofSeconds(20);

    private final SiteBrowser browser;
    private final SitePages site;

    private ConsoleBrowser(SiteBrowser browser, SitePages site) {
        this.browser = browser;
        this.site = site;
    }

    static ConsoleBrowser open(SitePages site) {
        return new ConsoleBrowser(SiteBrowser.open(), site);
    }

    /** The launched platform's site once it serves the console: where every console test starts. */
    static SitePages siteServingTheConsole(LaunchedRoundup roundup) {
        SitePages site = new SitePages(roundup);
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> site.get("/editor").statusCode() == 200);
        return site;
    }

    /** The admin password the launcher printed, as an administrator would copy it. */
    static String adminPassword(LaunchedRoundup roundup) {
        return roundup.printedAdminPassword()
                .orElseThrow(() -> new AssertionError("the launcher printed no admin password"));
    }

    SiteBrowser browser() {
        return browser;
    }

    WebDriver driver() {
        return browser.driver();
    }

    String url(String path) {
        return site.base().resolve(path).toString();
    }

    /** Opens the console (unless it is open) and signs in; back on the list once it has loaded. */
    void signIn(String username, String password) {
        WebDriver driver = driver();
        if (!driver.getCurrentUrl().contains("/editor")) {
            driver.get(url("/editor"));
        }
        WebElement user = waitFor(d -> d.findElement(By.id("signin-username")));
        waitFor(d -> user.isDisplayed());
        user.clear();
        user.sendKeys(username);
        driver.findElement(By.id("signin-password")).sendKeys(password);
        click(By.cssSelector("#signin-form button[type=submit]"));
        waitFor(d -> !d.findElement(By.id("view-signin")).isDisplayed());
    }

    /** Signs in and waits for the list the console opens with. */
    void signInToTheList(String username, String password) {
        signIn(username, password);
        waitFor(d -> d.findElement(By.id("view-list")).isDisplayed()
                && !d.findElement(By.id("list-status")).getText().startsWith("Loading"));
    }

    /** Adds an entry at {@code index}, picks the product by typing part of its name, and fills its body and a row. */
    void addEntry(int index, String typed, String product, String body, String feature, String value) {
        click(By.cssSelector("[data-action=entry-add]"));
        WebElement picker = waitFor(d -> d.findElement(By.cssSelector("[data-picker='" + index + "']")));
        picker.sendKeys(typed);
        WebElement choice = waitFor(d -> d.findElements(By.cssSelector("[data-pick='" + index + "']")).stream()
                .filter(b -> b.getText().startsWith(product))
                .findFirst()
                .orElse(null));
        choice.click();
        waitFor(d -> d.findElement(By.id("f-entries-" + index + "-product-picked"))
                .getText()
                .contains(product));
        assertThat(driver().findElement(By.id("f-entries-" + index + "-heading"))
                        .getAttribute("value"))
                .isEqualTo(product);
        type("f-entries-" + index + "-body", body);
        click(By.cssSelector("[data-action=feature-add][data-index='" + index + "']"));
        type("f-entries-" + index + "-features-0-name", feature);
        type("f-entries-" + index + "-features-0-description", value);
    }

    /** Opens a roundup's editor by its address in a fresh page, signing in, and waits until it shows it saved. */
    void openRoundup(String id, String username, String password) {
        boolean inTheConsole = driver().getCurrentUrl().contains("/editor");
        driver().get(url("/editor#/articles/" + id));
        if (inTheConsole) {
            driver().navigate().refresh(); // a new address that differs only by its hash loads nothing
        }
        signIn(username, password);
        waitFor(d -> d.findElement(By.id("view-edit")).isDisplayed()
                && "saved".equals(d.findElement(By.id("save-state")).getAttribute("data-state")));
    }

    /** Replaces a field's whole text as an editor would: select all, type over it. */
    void replaceText(String id, String text) {
        WebElement field = waitFor(d -> d.findElement(By.id(id)));
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        field.sendKeys(text);
    }

    /**
     * Types a date and a time into the native date and time inputs, segment by segment as Chromium's en-US fields
     * take them (month, day, year; hours, minutes, seconds, AM/PM), and checks the inputs read back what was meant.
     */
    void enterDateTime(String dateId, String timeId, LocalDateTime at) {
        WebElement date = waitFor(d -> d.findElement(By.id(dateId)));
        date.sendKeys(at.format(DateTimeFormatter.ofPattern("MMddyyyy", Locale.US)));
        WebElement time = driver().findElement(By.id(timeId));
        time.sendKeys(at.format(DateTimeFormatter.ofPattern("hhmmssa", Locale.US)));
        assertThat(date.getAttribute("value")).isEqualTo(at.toLocalDate().toString());
        assertThat(time.getAttribute("value"))
                .isEqualTo(at.toLocalTime().truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_LOCAL_TIME));
    }

    /** The text of an element, or "" when it is hidden. */
    String shown(String id) {
        WebElement element = driver().findElement(By.id(id));
        return element.isDisplayed() ? element.getText() : "";
    }

    boolean isShown(String id) {
        return driver().findElement(By.id(id)).isDisplayed();
    }

    void type(String id, String text) {
        waitFor(d -> d.findElement(By.id(id))).sendKeys(text);
    }

    /** Follows the header's link to a part of the console (Roundups, Catalog, Admin) and waits for its view. */
    void openFromNav(String linkText, String view) {
        WebElement link = waitFor(d -> d.findElements(By.cssSelector(".console-nav a")).stream()
                .filter(a -> a.isDisplayed() && a.getText().equals(linkText))
                .findFirst()
                .orElse(null));
        link.click();
        waitForView(view);
        assertThat(link.getAttribute("aria-current"))
                .as("the open part is marked in the nav")
                .isEqualTo("page");
    }

    /** Waits for the console to show the view {@code view-<name>}. */
    void waitForView(String name) {
        waitFor(d -> d.findElement(By.id("view-" + name)).isDisplayed());
    }

    /** The visible links of the header's nav, by text. */
    List<String> navLinks() {
        return driver().findElements(By.cssSelector(".console-nav a")).stream()
                .filter(WebElement::isDisplayed)
                .map(WebElement::getText)
                .toList();
    }

    String text(String id) {
        return driver().findElement(By.id(id)).getText();
    }

    void click(By by) {
        waitFor(d -> d.findElement(by)).click();
    }

    /** Waits until autosave says "Saved". */
    void waitForSaved() {
        waitFor(d -> "saved".equals(d.findElement(By.id("save-state")).getAttribute("data-state")));
        assertThat(driver().findElement(By.id("save-state")).getText()).startsWith("Saved");
    }

    List<String> entryHeadings() {
        return driver().findElements(By.cssSelector(".console-entry [data-path$='.heading']")).stream()
                .map(e -> e.getAttribute("value"))
                .toList();
    }

    List<String> texts(String css) {
        return driver().findElements(By.cssSelector(css)).stream()
                .map(e -> e.getAttribute("textContent").trim())
                .toList();
    }

    /** Waits (up to 20 s) for the condition to give something other than null or false, and gives it. */
    <T> T waitFor(Function<WebDriver, T> condition) {
        return waitFor(PATIENCE, condition);
    }

    <T> T waitFor(Duration patience, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver(), patience)
                .pollingEvery(Duration.ofMillis(100))
                .ignoring(NoSuchElementException.class)
                .ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    T value = condition.apply(d);
                    return value instanceof Boolean b && !b ? null : value;
                });
    }

    /** The page at desktop and phone widths, in target/screenshots. */
    void screenshots(String name) throws Exception {
        Path desktop = browser.screenshot(name + "-desktop", 1366, false);
        Path phone = browser.screenshot(name + "-phone", 390, true);
        assertThat(Files.size(desktop)).isPositive();
        assertThat(Files.size(phone)).isPositive();
    }

    /** The window as it is (with a dialog open over the page) at desktop and phone sizes, in target/screenshots. */
    void windowScreenshots(String name) throws Exception {
        Path desktop = browser.windowScreenshot(name + "-desktop", 1366, 800, false);
        Path phone = browser.windowScreenshot(name + "-phone", 390, 844, true);
        assertThat(Files.size(desktop)).isPositive();
        assertThat(Files.size(phone)).isPositive();
    }

    void assertNoSeriousAccessibilityViolations(String page) {
        assertThat(browser.seriousAccessibilityViolations())
                .as("serious or critical accessibility violations on " + page)
                .isEmpty();
    }

    @Override
    public void close() {
        browser.close();
    }
}
