package io.roundup.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The console's workflow and history in real browsers, through the gateway of the launched platform: an editor in
 * Berlin schedules a roundup (the time shown in her zone and in UTC, a time in the past refused), reschedules and
 * cancels it, schedules it shortly ahead and watches it go live in the open editor while a second editor compares
 * two revisions and restores one; unpublishing, and deleting by role (an editor never sees delete on a live
 * roundup and the API refuses it; an administrator deletes it and readers get 404).
 */
@ExtendWith(SharedRoundup.class)
class ConsoleWorkflowIT {

    /** A zone away from the machine's UTC, so that what is sent visibly differs from what the editor typed. */
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** How far ahead the roundup that is watched going live is scheduled; the history steps run meanwhile. */
    private static final Duration SHORTLY = Duration.ofSeconds(40);

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
    void aScheduledRoundupGoesLiveInTheOpenEditorWhileAnotherEditorDiffsAndRestoresRevisions() throws Exception {
        String word = "Sched" + UUID.randomUUID().toString().substring(0, 6);
        SitePages.Published roundup = site.draft(word, "Workflow");
        String token = site.gateway().token("editor", password);

        try (ConsoleBrowser console = ConsoleBrowser.open(site);
                ConsoleBrowser other = ConsoleBrowser.open(site)) {
            console.browser()
                    .driver()
                    .executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "Europe/Berlin"));
            console.openRoundup(roundup.id(), "editor", password);
            assertThat(console.shown("edit-status")).isEqualTo("Draft");

            console.click(By.id("schedule-open"));
            console.waitFor(d -> d.findElement(By.id("schedule-dialog")).isDisplayed());
            assertThat(console.shown("schedule-zone")).contains("Europe/Berlin", "GMT+01:00");
            console.windowScreenshots("console-schedule");
            console.assertNoSeriousAccessibilityViolations("the schedule dialog");

            // a time that has passed is refused before anything is sent
            LocalDateTime past = LocalDateTime.now(BERLIN).minusHours(1);
            console.enterDateTime("schedule-date", "schedule-time", past);
            console.click(By.id("schedule-submit"));
            console.waitFor(
                    d -> d.findElement(By.id("schedule-error")).getText().contains("That time has passed"));
            assertThat(status(token, roundup.id())).isEqualTo("DRAFT");

            // an hour ahead: the editor sees what will be sent in UTC, and the API gets exactly that
            LocalDateTime inAnHour = LocalDateTime.now(BERLIN).plusHours(1).truncatedTo(ChronoUnit.SECONDS);
            Instant inAnHourUtc = inAnHour.atZone(BERLIN).toInstant();
            console.enterDateTime("schedule-date", "schedule-time", inAnHour);
            assertThat(console.shown("schedule-utc"))
                    .contains(inAnHourUtc.toString().replace("Z", ".000Z"));
            console.click(By.id("schedule-submit"));
            console.waitFor(
                    d -> "Scheduled".equals(d.findElement(By.id("edit-status")).getText()));
            assertThat(console.shown("schedule-note")).startsWith("Goes live");
            assertThat(console.shown("publish-result")).startsWith("Scheduled: goes live");
            assertThat(console.isShown("schedule-open")).isFalse();
            assertThat(scheduledAt(token, roundup.id())).isEqualTo(inAnHourUtc.toString());

            // rescheduled an hour later, the dialog opening on the time set before
            console.click(By.id("reschedule-open"));
            console.waitFor(d -> d.findElement(By.id("schedule-dialog")).isDisplayed());
            assertThat(console.driver().findElement(By.id("schedule-date")).getAttribute("value"))
                    .isEqualTo(inAnHour.toLocalDate().toString());
            LocalDateTime later = inAnHour.plusHours(1);
            console.enterDateTime("schedule-date", "schedule-time", later);
            console.click(By.id("schedule-submit"));
            console.waitFor(d -> !d.findElement(By.id("schedule-dialog")).isDisplayed());
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> scheduledAt(token, roundup.id())
                            .equals(later.atZone(BERLIN).toInstant().toString()));

            // cancelled: a draft again, and nothing goes live
            console.click(By.id("cancel-schedule"));
            console.waitFor(
                    d -> "Draft".equals(d.findElement(By.id("edit-status")).getText()));
            assertThat(console.shown("publish-result")).startsWith("Schedule cancelled");
            assertThat(console.isShown("schedule-note")).isFalse();
            assertThat(console.isShown("schedule-open")).isTrue();
            assertThat(status(token, roundup.id())).isEqualTo("DRAFT");

            // scheduled shortly ahead; the editor stays open on it and watches
            LocalDateTime soon = LocalDateTime.now(BERLIN).plus(SHORTLY).truncatedTo(ChronoUnit.SECONDS);
            console.click(By.id("schedule-open"));
            console.waitFor(d -> d.findElement(By.id("schedule-dialog")).isDisplayed());
            console.enterDateTime("schedule-date", "schedule-time", soon);
            console.click(By.id("schedule-submit"));
            console.waitFor(
                    d -> "Scheduled".equals(d.findElement(By.id("edit-status")).getText()));

            // meanwhile another editor sees it scheduled in the list, then works through a history
            other.signInToTheList("editor", password);
            WebElement filter = other.driver().findElement(By.id("filter-text"));
            filter.sendKeys(word);
            other.waitFor(d -> other.texts("#article-rows tr").size() == 1);
            assertThat(other.driver()
                            .findElement(By.cssSelector("#article-rows tr"))
                            .getText())
                    .contains("Scheduled", "goes live");
            diffAndRestore(other);

            console.waitFor(
                    SHORTLY.plusSeconds(60),
                    d -> "Published".equals(d.findElement(By.id("edit-status")).getText()));
            assertThat(console.shown("publish-result")).startsWith("Published as scheduled");
            assertThat(console.isShown("schedule-note")).isFalse();
            assertThat(console.isShown("delete-open"))
                    .as("an editor never sees delete on a live roundup")
                    .isFalse();
            String readerPage = console.driver()
                    .findElement(By.cssSelector("#publish-result a"))
                    .getAttribute("href");
            readerPageAnswers(roundup.slug(), 200);
            console.driver().get(readerPage);
            assertThat(console.driver().findElement(By.tagName("h1")).getText()).contains(word);

            // the history tells the whole story
            console.openRoundup(roundup.id(), "editor", password);
            console.click(By.id("history-open"));
            console.waitFor(
                    d -> d.findElements(By.cssSelector("#history-rows tr")).size() >= 6);
            assertThat(console.texts("#history-rows .action"))
                    .startsWith(
                            "Published as scheduled",
                            "Scheduled",
                            "Schedule cancelled",
                            "Scheduled",
                            "Scheduled",
                            "Created");
        }
    }

    /** An edit makes a revision; the history compares it with the first, word by word, and restores the first. */
    private void diffAndRestore(ConsoleBrowser console) throws Exception {
        String word = "Hist" + UUID.randomUUID().toString().substring(0, 6);
        SitePages.Published roundup = site.draft(word, "Workflow");
        String original = "We spent a week with each **" + word + "** kit.";
        console.openRoundup(roundup.id(), "editor", password);
        assertThat(console.driver().findElement(By.id("f-intro")).getAttribute("value"))
                .isEqualTo(original);
        console.replaceText("f-intro", "We spent a fortnight with each **" + word + "** kit, on trains and trails.");
        console.replaceText("f-entries-1-body", "Light, cheap and surprisingly tough.");
        console.waitForSaved();

        console.click(By.id("history-open"));
        console.waitFor(d -> d.findElement(By.id("view-history")).isDisplayed()
                && d.findElements(By.cssSelector("#history-rows tr")).size() == 2);
        assertThat(console.texts("#history-rows .action")).containsExactly("Saved", "Created");
        console.waitFor(d -> !d.findElements(By.cssSelector("#diff ins")).isEmpty());
        assertThat(console.texts("#diff del")).anyMatch(t -> t.contains("week"));
        assertThat(console.texts("#diff ins"))
                .anyMatch(t -> t.contains("fortnight"))
                .anyMatch(t -> t.contains("trains and trails"))
                .anyMatch(t -> t.contains("surprisingly tough"));
        assertThat(console.texts("#diff ins"))
                .as("unchanged words are not marked")
                .noneMatch(t -> t.contains("We spent"));
        assertThat(console.texts(".diff-group h3")).contains("The roundup", "Entry “Best value”");
        console.screenshots("console-history");
        console.assertNoSeriousAccessibilityViolations("the history and its diff");

        console.click(By.cssSelector("[data-restore='1']"));
        console.waitFor(d -> d.findElement(By.id("view-edit")).isDisplayed()
                && original.equals(d.findElement(By.id("f-intro")).getAttribute("value")));
        assertThat(console.shown("publish-result")).startsWith("Restored revision 1 as revision 3");
        console.click(By.id("history-open"));
        console.waitFor(d -> d.findElements(By.cssSelector("#history-rows tr")).size() == 3);
        assertThat(console.texts("#history-rows .action").getFirst()).isEqualTo("Restored an earlier revision");
    }

    @Test
    void anEditorUnpublishesButOnlyAnAdministratorDeletesALiveRoundupAndReadersThenGet404() {
        String word = "Gone" + UUID.randomUUID().toString().substring(0, 6);
        SitePages.Published roundup = site.publish(word, "Workflow");
        String editorToken = site.gateway().token("editor", password);

        try (ConsoleBrowser console = ConsoleBrowser.open(site)) {
            console.openRoundup(roundup.id(), "editor", password);
            assertThat(console.shown("edit-status")).isEqualTo("Published");
            assertThat(console.isShown("unpublish")).isTrue();
            assertThat(console.isShown("delete-open"))
                    .as("an editor never sees delete on a live roundup")
                    .isFalse();
            Gateway.Response refused = site.gateway().delete("/api/articles/" + roundup.id(), editorToken);
            assertThat(refused.status()).as("the API refuses it too").isEqualTo(403);

            console.click(By.id("unpublish"));
            console.waitFor(d ->
                    "Unpublished".equals(d.findElement(By.id("edit-status")).getText()));
            assertThat(console.shown("publish-result")).startsWith("Unpublished");
            readerPageAnswers(roundup.slug(), 404);
            assertThat(console.isShown("delete-open"))
                    .as("a roundup that is not live may be deleted by an editor")
                    .isTrue();

            console.click(By.id("publish-now"));
            console.waitFor(
                    d -> "Published".equals(d.findElement(By.id("edit-status")).getText()));
            assertThat(console.isShown("delete-open")).isFalse();
            readerPageAnswers(roundup.slug(), 200);
        }

        try (ConsoleBrowser admin = ConsoleBrowser.open(site)) {
            admin.openRoundup(roundup.id(), "admin", adminPassword);
            assertThat(admin.shown("edit-status")).isEqualTo("Published");
            admin.click(By.id("delete-open"));
            admin.waitFor(d -> d.findElement(By.id("delete-dialog")).isDisplayed());
            assertThat(admin.shown("delete-what")).contains("It is live", "cannot be undone");
            admin.click(By.id("delete-keep"));
            admin.waitFor(d -> !d.findElement(By.id("delete-dialog")).isDisplayed());
            assertThat(site.get("/reviews/" + roundup.slug()).statusCode()).isEqualTo(200);

            admin.click(By.id("delete-open"));
            admin.waitFor(d -> d.findElement(By.id("delete-dialog")).isDisplayed());
            admin.assertNoSeriousAccessibilityViolations("the delete confirmation");
            admin.click(By.id("delete-confirm"));
            admin.waitFor(d -> d.findElement(By.id("view-list")).isDisplayed()
                    && d.findElement(By.id("list-notice")).getText().startsWith("Deleted"));
            readerPageAnswers(roundup.slug(), 404);
            assertThat(site.gateway().get("/api/articles/" + roundup.id()).status())
                    .isEqualTo(404);
        }
    }

    /** The reader page follows the API at once; its cache may take a moment, so this waits up to 10 s. */
    private static void readerPageAnswers(String slug, int status) {
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(site.get("/reviews/" + slug).statusCode())
                        .as("/reviews/" + slug)
                        .isEqualTo(status));
    }

    private static String status(String token, String id) {
        return site.gateway()
                .get("/api/articles/" + id, token)
                .json()
                .get("status")
                .asString();
    }

    private static String scheduledAt(String token, String id) {
        var article = site.gateway().get("/api/articles/" + id, token).json();
        return article.has("scheduledAt") ? article.get("scheduledAt").asString() : "";
    }
}
