package io.roundup.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The console's roundups list in a real browser, through the gateway of the launched platform: filtered by the API
 * by category, author, words and status, a page of 50 at a time, past the API's 100 per request.
 */
@ExtendWith(SharedRoundup.class)
class ConsoleListIT {

    private static final int DRAFTS = 101;

    private static SitePages site;
    private static String password;

    @BeforeAll
    static void platform(LaunchedRoundup roundup) {
        site = ConsoleBrowser.siteServingTheConsole(roundup);
        password = roundup.editorPassword();
    }

    @Test
    void anEditorFiltersByCategoryAuthorAndWordsAndPagesPastAHundred() {
        String word = "Pg" + UUID.randomUUID().toString().substring(0, 6);
        String category = "Paging " + word;
        String rowan = "Rowan " + word;
        String token = site.gateway().token("editor", password);
        for (int i = 0; i < DRAFTS; i++) {
            String author = i % 40 == 0 ? rowan : "Tess Tester";
            Gateway.Response created = site.gateway()
                    .post(
                            "/api/articles",
                            token,
                            Map.of(
                                    "title", String.format("%s draft %03d", category, i),
                                    "category", category,
                                    "author", Map.of("name", author)));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
        }

        try (ConsoleBrowser console = ConsoleBrowser.open(site)) {
            console.signInToTheList("editor", password);

            // by category: 101 roundups, 50 a page, most recently saved first
            console.type("filter-category", category.toLowerCase());
            console.waitFor(d -> console.text("list-status").startsWith("101 roundups match."));
            assertThat(console.text("list-status")).isEqualTo("101 roundups match. Showing 1–50.");
            assertThat(rows(console)).hasSize(50).first().asString().contains("draft 100");
            assertThat(console.text("list-page")).isEqualTo("Page 1 of 3");
            assertThat(console.driver().findElement(By.id("list-previous")).isEnabled())
                    .isFalse();
            console.assertNoSeriousAccessibilityViolations("the list, filtered and paged");

            console.click(By.id("list-next"));
            console.waitFor(d -> console.text("list-page").equals("Page 2 of 3"));
            assertThat(console.text("list-status")).isEqualTo("101 roundups match. Showing 51–100.");
            assertThat(rows(console)).hasSize(50).first().asString().contains("draft 050");

            console.click(By.id("list-next"));
            console.waitFor(d -> console.text("list-page").equals("Page 3 of 3"));
            assertThat(console.text("list-status")).isEqualTo("101 roundups match. Showing 101–101.");
            assertThat(rows(console)).singleElement().asString().contains("draft 000", rowan);
            assertThat(console.driver().findElement(By.id("list-next")).isEnabled())
                    .isFalse();

            // and by author: back to the first page, the three of Rowan's, no pages
            console.type("filter-author", rowan);
            console.waitFor(d -> console.text("list-status").equals("3 roundups match."));
            assertThat(rows(console))
                    .satisfiesExactly(
                            row -> assertThat(row).contains("draft 080"),
                            row -> assertThat(row).contains("draft 040"),
                            row -> assertThat(row).contains("draft 000"));
            assertThat(console.isShown("list-pages")).isFalse();

            // and by words, anywhere in the title, in any case
            console.type("filter-text", "DRAFT 040");
            console.waitFor(d -> console.text("list-status").equals("1 roundup matches."));
            assertThat(rows(console)).singleElement().asString().contains(category + " draft 040");
            console.replaceText("filter-author", "");
            console.waitFor(d -> console.text("list-status").equals("1 roundup matches."));

            // a status none of them has, and a text the API refuses, with its reason
            new Select(console.driver().findElement(By.id("filter-status"))).selectByValue("PUBLISHED");
            console.waitFor(d -> console.text("list-status").equals("No roundup matches."));
            assertThat(rows(console)).isEmpty();
            console.replaceText("filter-text", "one two three four five six seven eight nine");
            console.waitFor(d -> console.text("list-status").equals("Not listed: text must have at most 8 words"));
        }
    }

    private static List<String> rows(ConsoleBrowser console) {
        return console.texts("#article-rows tr");
    }
}
