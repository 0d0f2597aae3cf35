package io.roundup.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeHtmlTests {

    private final SafeHtml html = new SafeHtml();

    @Test
    void markdownBecomesHtmlWithoutAnythingThatCouldRun() {
        String rendered = html.markdown(
                "Quiet **and** _warm_.\n\n<script>alert(1)</script>\n\n"
                        + "[buy](javascript:alert(1)) <img src=x onerror=alert(1)> <a href=\"https://ok.example\" onclick=\"x()\">ok</a>");

        assertThat(rendered).contains("<strong>and</strong>", "<em>warm</em>");
        // raw HTML in Markdown stays text; no element or attribute that could run survives
        assertThat(org.jsoup.Jsoup.parseBodyFragment(rendered)
                        .select("script, img, [onerror], [onclick], a[href^=javascript]"))
                .isEmpty();
        assertThat(rendered).contains("&lt;script&gt;");
    }

    @Test
    void linksInReviewsAreNotEndorsed() {
        assertThat(html.markdown("[a shop](https://shop.example.com)"))
                .contains("href=\"https://shop.example.com\"")
                .contains("rel=\"nofollow noopener\"");
    }

    @Test
    void highlightsKeepOnlyTheirMarks() {
        assertThat(html.highlight("Best <em>espresso</em> <b>grinders</b><script>x</script> & more"))
                .isEqualTo("Best <mark>espresso</mark> grinders &amp; more");
    }

    @Test
    void textOfMarkdownIsPlain() {
        assertThat(html.text("A **bold** claim")).isEqualTo("A bold claim");
    }
}
