package io.roundup.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

/**
 * Two editors on one roundup, in two real browsers through the gateway of the launched platform: when one saves
 * over the other's revision, the console shows both versions of every part that differs (already choosing the side
 * that changed a part alone) and the editor merges, loads theirs, puts theirs back, or keeps theirs as a new draft,
 * without either text being lost; a tab reloaded in the middle of a conflict comes back to it.
 */
@ExtendWith(SharedRoundup.class)
class ConsoleConflictIT {

    private static SitePages site;
    private static String password;
    private static String adminPassword;

    @BeforeAll
    static void platform(LaunchedRoundup roundup) {
        site = ConsoleBrowser.siteServingTheConsole(roundup);
        password = roundup.editorPassword();
        adminPassword = ConsoleBrowser.adminPassword(roundup);
    }

    @Test
    void twoEditorsEditTheSameDraftAndMergeWithoutLosingEitherText() throws Exception {
        String word = "Clash" + UUID.randomUUID().toString().substring(0, 6);
        SitePages.Published roundup = site.draft(word, "Conflicts");
        String token = site.gateway().token("editor", password);
        String ours = "Tested on the **coast path** for a month.";
        String theirs = "Tested in the city, in rain and in traffic.";

        try (ConsoleBrowser editor = ConsoleBrowser.open(site);
                ConsoleBrowser admin = ConsoleBrowser.open(site)) {
            editor.openRoundup(roundup.id(), "editor", password);
            admin.openRoundup(roundup.id(), "admin", adminPassword);

            // the editor saves first: a new intro and summary (revision 2)
            editor.replaceText("f-intro", ours);
            editor.replaceText("f-summary", "Two kits, one coast.");
            editor.waitForSaved();
            assertThat(revision(token, roundup.id())).isEqualTo(2);

            // the admin, still on revision 1, rewrites the intro too and the first entry's review
            admin.replaceText("f-intro", theirs);
            admin.replaceText("f-entries-0-body", "Survived a week of potholes.");
            WebElement conflict = admin.waitFor(d -> {
                WebElement box = d.findElement(By.id("article-conflict"));
                return box.isDisplayed() ? box : null;
            });
            assertThat(admin.shown("save-state")).isEqualTo("Not saved: someone else saved in between");
            assertThat(conflict.getText())
                    .contains("Someone else saved this roundup in between", "editor saved revision 2");
            assertThat(parts(admin))
                    .containsExactly(
                            "Summary · Changed by them",
                            "Introduction · Changed by both of you",
                            "Entry “Best overall” · Changed by you");
            assertThat(part(admin, "Introduction").getText()).contains("coast path", "in rain and in traffic");
            assertThat(chosen(admin, "Summary")).isEqualTo("theirs");
            assertThat(chosen(admin, "Entry")).isEqualTo("mine");
            assertThat(chosen(admin, "Introduction"))
                    .as("both changed it: mine until told")
                    .isEqualTo("mine");
            assertThat(revision(token, roundup.id()))
                    .as("nothing was saved over the editor's text")
                    .isEqualTo(2);
            admin.screenshots("console-conflict");
            admin.assertNoSeriousAccessibilityViolations("the conflict view");

            // the admin keeps both intros and saves the merge (revision 3)
            part(admin, "Introduction")
                    .findElement(By.cssSelector("input[value=both]"))
                    .click();
            admin.click(By.id("conflict-save-merged"));
            admin.waitForSaved();
            assertThat(admin.isShown("article-conflict")).isFalse();
            JsonNode merged = article(token, roundup.id());
            assertThat(merged.get("revision").asLong()).isEqualTo(3);
            assertThat(merged.get("intro").asString()).isEqualTo(ours + "\n\n" + theirs);
            assertThat(merged.get("summary").asString()).isEqualTo("Two kits, one coast.");
            assertThat(merged.at("/entries/0/body").asString()).isEqualTo("Survived a week of potholes.");
            assertThat(admin.driver().findElement(By.id("f-intro")).getAttribute("value"))
                    .isEqualTo(ours + "\n\n" + theirs);

            // the editor, who saw revision 2, retitles it: only the title is the editor's, the rest is taken as merged
            editor.type("f-title", " and trails");
            editor.waitFor(d -> d.findElement(By.id("article-conflict")).isDisplayed());
            assertThat(parts(editor))
                    .containsExactly(
                            "Title · Changed by you",
                            "Introduction · Changed by them",
                            "Entry “Best overall” · Changed by them");
            editor.click(By.id("conflict-save-merged"));
            editor.waitForSaved();
            JsonNode last = article(token, roundup.id());
            assertThat(last.get("revision").asLong()).isEqualTo(4);
            assertThat(last.get("title").asString()).endsWith(" and trails");
            assertThat(last.get("intro").asString()).isEqualTo(ours + "\n\n" + theirs);
            assertThat(last.at("/entries/0/body").asString()).isEqualTo("Survived a week of potholes.");
            assertThat(editor.driver().findElement(By.id("f-intro")).getAttribute("value"))
                    .as("the form shows what was saved")
                    .isEqualTo(ours + "\n\n" + theirs);
        }
    }

    @Test
    void aReloadedTabComesBackToItsConflictAndTheirsCanBeLoadedPutBackOrKeptAsACopy() throws Exception {
        String word = "Clash" + UUID.randomUUID().toString().substring(0, 6);
        SitePages.Published roundup = site.draft(word, "Conflicts");
        String token = site.gateway().token("editor", password);

        try (ConsoleBrowser editor = ConsoleBrowser.open(site)) {
            editor.openRoundup(roundup.id(), "editor", password);
            saveThroughTheApi(token, roundup.id(), "intro", "Their intro, saved from a script.");

            editor.replaceText("f-intro", "My intro, typed in the console.");
            editor.waitFor(d -> d.findElement(By.id("article-conflict")).isDisplayed());

            // the tab is reloaded in the middle of it: the kept text is offered back, and restoring it is the conflict
            editor.driver().navigate().refresh();
            editor.signIn("editor", password);
            editor.waitFor(d -> d.findElement(By.id("offer-local")).isDisplayed());
            editor.click(By.id("restore-local"));
            editor.waitFor(d -> d.findElement(By.id("article-conflict")).isDisplayed());
            assertThat(parts(editor)).containsExactly("Introduction · Changed by both of you");
            assertThat(part(editor, "Introduction").getText())
                    .as("both texts, their changed words marked")
                    .contains("saved from a script.", "typed in the console.");
            assertThat(revision(token, roundup.id())).isEqualTo(2);

            // load theirs: their text in the form, mine kept in the view; then mine back, which autosave saves
            editor.click(By.id("conflict-load-theirs"));
            editor.waitFor(d -> "Their intro, saved from a script."
                    .equals(d.findElement(By.id("f-intro")).getAttribute("value")));
            assertThat(editor.text("article-conflict-title")).isEqualTo("Their version is loaded; yours is kept here");
            assertThat(editor.text("article-conflict")).contains("typed in the console.");
            editor.click(By.id("conflict-mine-back"));
            editor.waitFor(d -> "My intro, typed in the console."
                    .equals(d.findElement(By.id("f-intro")).getAttribute("value")));
            editor.waitForSaved();
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(
                                    article(token, roundup.id()).get("intro").asString())
                            .isEqualTo("My intro, typed in the console."));

            // once more, and this time theirs is kept as a new draft while mine is saved
            saveThroughTheApi(token, roundup.id(), "summary", "Their summary.");
            editor.replaceText("f-summary", "My summary.");
            editor.waitFor(d -> d.findElement(By.id("article-conflict")).isDisplayed());
            editor.click(By.id("conflict-copy-theirs"));
            WebElement copyLink = editor.waitFor(d -> d.findElement(By.id("conflict-copy-link")));
            editor.waitForSaved();
            assertThat(article(token, roundup.id()).get("summary").asString()).isEqualTo("My summary.");
            String copyId = copyLink.getAttribute("href").replaceAll(".*#/articles/", "");
            JsonNode copy = article(token, copyId);
            assertThat(copy.get("status").asString()).isEqualTo("DRAFT");
            assertThat(copy.get("title").asString()).isEqualTo("Copy of The best " + word + " kits, tested");
            assertThat(copy.get("summary").asString()).isEqualTo("Their summary.");
            assertThat(copy.get("intro").asString()).isEqualTo("My intro, typed in the console.");

            copyLink.click();
            editor.waitFor(
                    d -> d.findElement(By.id("f-title")).getAttribute("value").startsWith("Copy of "));
        }
    }

    /** Changes one field of the article's current version through the API, as another editor's script would. */
    private static void saveThroughTheApi(String token, String id, String field, String value) {
        Gateway.Response current = site.gateway().get("/api/articles/" + id, token);
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        JsonNode article = current.json();
        for (String name : List.of("title", "summary", "category", "tags", "author", "intro", "entries", "sections")) {
            if (article.has(name)) {
                body.put(name, article.get(name));
            }
        }
        body.put(
                "entries",
                article.get("entries")
                        .valueStream()
                        .map(e -> Map.of(
                                "rank", e.get("rank"),
                                "productId", e.get("productId"),
                                "heading", e.get("heading"),
                                "body", e.get("body"),
                                "features", e.get("features")))
                        .toList());
        body.put(field, value);
        Gateway.Response saved = site.gateway().put("/api/articles/" + id, token, current.etag(), body);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    }

    /** The parts the conflict view lists, as "label · who changed it". */
    private static List<String> parts(ConsoleBrowser console) {
        return console.driver().findElements(By.cssSelector("#article-conflict .diff-field")).stream()
                .map(p -> p.findElement(By.tagName("h4")).getText() + " · "
                        + p.findElement(By.cssSelector(".conflict-who")).getText())
                .toList();
    }

    private static WebElement part(ConsoleBrowser console, String label) {
        return console.driver().findElements(By.cssSelector("#article-conflict .diff-field")).stream()
                .filter(p -> p.findElement(By.tagName("h4")).getText().startsWith(label))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no part " + label + " in the conflict view"));
    }

    /** Which side a part is set to keep. */
    private static String chosen(ConsoleBrowser console, String label) {
        return part(console, label).findElements(By.cssSelector("input[type=radio]")).stream()
                .filter(WebElement::isSelected)
                .map(r -> r.getAttribute("value"))
                .findFirst()
                .orElse("");
    }

    private static JsonNode article(String token, String id) {
        return site.gateway().get("/api/articles/" + id, token).json();
    }

    private static long revision(String token, String id) {
        return article(token, id).get("revision").asLong();
    }
}
