package io.roundup.search.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainTextTests {

    @Test
    void markdownSyntaxGivesWayToTheTextAReaderSees() {
        assertThat(PlainText.of("The **adaptive mode** is _quick_; see [our test](https://example.com/t)."))
                .isEqualTo("The adaptive mode is quick; see our test.");
    }

    @Test
    void inlineTagsGoAndTheirWordsStay() {
        assertThat(PlainText.of("A <b>very</b> quiet <em>pair</em>.")).isEqualTo("A very quiet pair.");
    }

    @Test
    void listsAndHeadingsKeepTheirWords() {
        String text = PlainText.of("## What to look for\n\n- battery life\n- comfort");

        assertThat(text).contains("What to look for", "battery life", "comfort").doesNotContain("##");
    }

    @Test
    void blankStaysBlank() {
        assertThat(PlainText.of(null)).isNull();
        assertThat(PlainText.of(" ")).isEqualTo(" ");
    }
}
