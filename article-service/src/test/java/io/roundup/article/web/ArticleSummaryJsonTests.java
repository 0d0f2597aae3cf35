package io.roundup.article.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.roundup.article.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.json.JsonTest;
import org.springframework.boot.test.json.JacksonTester;
import org.springframework.boot.test.json.JsonContent;

@JsonTest
class ArticleSummaryJsonTests {

    @Autowired
    JacksonTester<ArticleSummary> json;

    @Test
    void editorsSeeWhoSavedLastAndWhetherThePublishedVersionLagsBehind() throws Exception {
        JsonContent<ArticleSummary> content =
                json.write(ArticleSummary.of(Fixtures.publishedWithDraft("Live", "Draft"), true));

        assertThat(content).extractingJsonPathStringValue("$.title").isEqualTo("Draft");
        assertThat(content).extractingJsonPathStringValue("$.updatedBy").isEqualTo("editor");
        assertThat(content).hasJsonPath("$.updatedAt");
        assertThat(content)
                .extractingJsonPathBooleanValue("$.hasUnpublishedChanges")
                .isTrue();
    }

    @Test
    void readersSeeNoEditorialState() throws Exception {
        JsonContent<ArticleSummary> content =
                json.write(ArticleSummary.of(Fixtures.publishedWithDraft("Live", "Draft"), false));

        assertThat(content).extractingJsonPathStringValue("$.title").isEqualTo("Live");
        assertThat(content).doesNotHaveJsonPath("$.updatedBy");
        assertThat(content).doesNotHaveJsonPath("$.updatedAt");
        assertThat(content).doesNotHaveJsonPath("$.hasUnpublishedChanges");
    }
}
