package io.roundup.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContentRulesTests {

    @Test
    void aCompleteArticlePasses() {
        assertThatCode(() -> ContentRules.check(Fixtures.content("Best headphones"), "best-headphones"))
                .doesNotThrowAnyException();
    }

    @Test
    void onlyTitleAndAuthorNameAreRequired() {
        Content minimal = new Content("Title", null, null, null, new Content.Author("Ada", null), null, null, null);

        assertThatCode(() -> ContentRules.check(minimal, null)).doesNotThrowAnyException();
    }

    @Test
    void everyViolationIsListedUnderItsOwnPath() {
        List<Content.Entry> entries = List.of(
                new Content.Entry(1, Fixtures.PRODUCT_ID, "First", "ok", List.of()),
                new Content.Entry(
                        1,
                        "not-an-id",
                        " ",
                        "x".repeat(50_001),
                        List.of(new Content.Feature("", "d"), new Content.Feature("n", "x".repeat(501)))),
                new Content.Entry(0, Fixtures.PRODUCT_ID, "Third", null, null));
        Content content = new Content(
                "",
                "s".repeat(501),
                "c".repeat(61),
                List.of("ok", "t".repeat(41), " "),
                new Content.Author(null, "b".repeat(1001)),
                "i".repeat(20_001),
                entries,
                List.of(new Content.Section(null, "body")));

        Map<String, List<String>> errors = errors(content, "Not A Slug");

        assertThat(errors)
                .containsOnlyKeys(
                        "title",
                        "summary",
                        "category",
                        "tags[1]",
                        "tags[2]",
                        "author.name",
                        "author.bio",
                        "intro",
                        "entries[1].rank",
                        "entries[1].productId",
                        "entries[1].heading",
                        "entries[1].body",
                        "entries[1].features[0].name",
                        "entries[1].features[1].description",
                        "entries[2].rank",
                        "sections[0].heading",
                        "slug");
        assertThat(errors.get("title")).containsExactly("must not be blank");
        assertThat(errors.get("entries[1].rank")).singleElement().asString().contains("unique");
        assertThat(errors.get("entries[2].rank")).containsExactly("must be between 1 and 100");
        assertThat(errors.get("summary")).containsExactly("must be at most 500 characters");
    }

    @Test
    void listsHaveLimits() {
        List<Content.Entry> entries = new ArrayList<>();
        for (int i = 1; i <= 31; i++) {
            entries.add(new Content.Entry(i, Fixtures.PRODUCT_ID, "Entry " + i, null, null));
        }
        List<Content.Section> sections = Collections.nCopies(31, new Content.Section("h", "b"));
        List<String> tags = Collections.nCopies(21, "tag");
        Content content =
                new Content("Title", null, null, tags, new Content.Author("Ada", null), null, entries, sections);

        assertThat(errors(content, null)).containsOnlyKeys("tags", "entries", "sections");
    }

    @Test
    void missingPartsAreNamed() {
        List<Content.Entry> entries = new ArrayList<>();
        entries.add(null);
        Content content = new Content("Title", null, null, null, null, null, entries, null);

        assertThat(errors(content, null)).containsOnlyKeys("author", "entries[0]");
    }

    private static Map<String, List<String>> errors(Content content, String slug) {
        return catchThrowableOfType(InvalidArticle.class, () -> ContentRules.check(content, slug))
                .errors();
    }
}
