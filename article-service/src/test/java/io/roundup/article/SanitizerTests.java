package io.roundup.article;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SanitizerTests {

    @Test
    void plainMarkdownIsStoredExactlyAsWritten() {
        String markdown = "## Verdict\n\nIf a < b & c > d, buy **both**.\n\n> A quote\n\n    code <- kept\n\n"
                + "- [Shop](https://example.com/shop?a=1&b=2 \"title\")\n* \"quoted\" & 'single'\n\nFish &amp; chips";

        assertThat(Sanitizer.markdown(markdown)).isEqualTo(markdown);
    }

    @Test
    void scriptsStylesAndEventHandlersNeverSurvive() {
        String dirty = "Intro <script>alert('x')</script><style>body{}</style>"
                + "<b onclick=\"steal()\">bold</b> <img src=x onerror=alert(1)> <iframe src=\"https://evil\"></iframe>";

        String clean = Sanitizer.markdown(dirty);

        assertThat(clean).isEqualTo("Intro <b>bold</b>  ");
    }

    @Test
    void javascriptUrlsNeverSurviveInHtmlOrMarkdownLinks() {
        assertThat(Sanitizer.markdown("<a href=\"javascript:alert(1)\">x</a>"))
                .doesNotContainIgnoringCase("javascript");
        assertThat(Sanitizer.markdown("[x](javascript:alert(1))")).isEqualTo("[x](#)");
        assertThat(Sanitizer.markdown("[x]( <JavaScript:alert(1)>)")).doesNotContainIgnoringCase("javascript");
        assertThat(Sanitizer.markdown("[x](&#106;avascript:alert(1))")).doesNotContain("avascript");
        assertThat(Sanitizer.markdown("![i](java\\script:alert(1))")).doesNotContain("script:");
        assertThat(Sanitizer.markdown("[ref]: vbscript:msgbox\n\nSee [it][ref]"))
                .doesNotContain("vbscript");
        assertThat(Sanitizer.markdown("[safe](https://example.com)")).isEqualTo("[safe](https://example.com)");
    }

    /** Checked the way a renderer reads the result: no CommonMark link or image may point at a script scheme. */
    @Test
    void noLinkACommonMarkRendererFindsCanRunScript() {
        String[] nasty = {
            "[a](javascript:alert(1))",
            "[a](<javascript:x> \"t\")",
            "[a]( javascript:x )",
            "[a](\njavascript:x)",
            "[a][b]\n\n[b]:\n  javascript:x",
            "[a](java&#x73;cript:x)",
            "<javascript:alert(1)>",
            "[a](JaVaScRiPt:x)",
            "![i](data:text/html;base64,PHNjcmlwdD4=)",
            "[a](vbscript:msgbox)",
            "[a]: javascript:x\n\n[a]",
            "[a](javascript&colon;alert(1))",
            "[[a](javascript:x)](https://ok.example)"
        };
        for (String markdown : nasty) {
            assertThat(Sanitizer.hasDangerousLink(markdown))
                    .as("the input itself: %s", markdown)
                    .isTrue();
            assertThat(Sanitizer.hasDangerousLink(Sanitizer.markdown(markdown)))
                    .as("after sanitizing: %s", markdown)
                    .isFalse();
        }
        assertThat(Sanitizer.hasDangerousLink(
                        Sanitizer.markdown("[safe](https://example.com) and [mail](mailto:a@b.c)")))
                .isFalse();
    }

    @Test
    void markdownAroundHtmlKeepsItsShapeWhenMarkupIsCleaned() {
        String mixed = "> quoted <em>emphasis</em> & more\n\nx < 3 and <a href=\"https://example.com\">link</a>";

        assertThat(Sanitizer.markdown(mixed))
                .isEqualTo(
                        "> quoted <em>emphasis</em> & more\n\nx < 3 and <a href=\"https://example.com\" rel=\"nofollow\">link</a>");
    }

    @Test
    void escapedMarkupIsNeverTurnedBackIntoTags() {
        String clean = Sanitizer.markdown("&lt;script&gt;alert(1)&lt;/script&gt; <b>x</b>");

        assertThat(clean).doesNotContain("<script").contains("<b>x</b>");
    }

    @Test
    void plainTextFieldsLoseAllMarkupButKeepTheirWords() {
        assertThat(Sanitizer.plainText("Best <b>Headphones</b><script>x()</script> under $50 & < 3 kg"))
                .isEqualTo("Best Headphones under $50 & < 3 kg");
        assertThat(Sanitizer.plainText("Rock & Roll: 5 < 10")).isEqualTo("Rock & Roll: 5 < 10");
    }

    @Test
    void everyTextFieldOfTheContentIsCleaned() {
        Content dirty = Fixtures.content("Title<script>x</script>");

        Content clean = Sanitizer.content(new Content(
                dirty.title(),
                dirty.summary(),
                dirty.category(),
                dirty.tags(),
                new Content.Author("Ada", "Bio <img src=x onerror=y()>"),
                "Intro <script>1</script>",
                dirty.entries(),
                dirty.sections()));

        assertThat(clean.title()).isEqualTo("Title");
        assertThat(clean.author().bio()).isEqualTo("Bio ");
        assertThat(clean.intro()).isEqualTo("Intro ");
        assertThat(clean.entries()).isEqualTo(dirty.entries());
    }
}
