package io.roundup.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
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

    /**
     * The evasions a reviewer tries, each checked on what a CommonMark renderer makes of the sanitized text: no
     * {@code href} or {@code src} may run script, read the way a browser resolves a scheme.
     */
    @Test
    void noEvasionRendersALinkThatCanRunScript() {
        String[] evasions = {
            // entities, case, whitespace and control characters inside the scheme
            "[a](&#106;avascript:alert(1))",
            "[a](jav&#x61;script:alert(1))",
            "[a](&#x6A;&#X61;&#118;ascript:alert(1))",
            "[a](javascript&colon;alert(1))",
            "[a](javascript&#58;alert(1))",
            "[a](JaVaScRiPt:alert(1))",
            "[a](java\tscript:alert(1))",
            "[a](java&#9;script:alert(1))",
            "[a](java&Tab;script:alert(1))",
            "[a](&#32;javascript:alert(1))",
            "[a](     javascript:alert(1))",
            "[a](<\u0001javascript:alert(1)>)",
            "[a](<java script:alert(1)>)",
            "[a](java&NewLine;script:alert(1))",
            "[a](&amp;#106;avascript:alert(1))",
            "[a](vbscript:msgbox(1))",
            "![a](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
            "[a](DATA:text/html,<script>alert(1)</script>)",
            // backslash escapes
            "[a](javascript\\:alert(1))",
            "[a](java\\script:alert(1))",
            "[a](\\javascript:alert(1))",
            "[a](javascript:alert\\(1\\))",
            "[a](javascript:alert(1) \"t\\\"itle\")",
            // reference links and their definitions
            "[x][r]\n\n[r]: javascript:alert(1)",
            "[x][R]\n\n[r]: javascript:alert(1) \"a title\"",
            "[r][]\n\n[r]: <javascript:alert(1)> 'a title'",
            "[r]\n\n[r]:\n  javascript:alert(1)\n  (a title on its own line)",
            "[r]\n\n   [r]: &#106;avascript:alert(1)",
            "[r]\n\n[r]: https://ok.example\n[r]: javascript:alert(1)",
            "[r]\n\n[r]: javascript:alert(1)\n[r]: https://ok.example",
            "> [r]: javascript:alert(1)\n\n[r]",
            "- [r]\n\n  [r]: javascript:alert(1)",
            "[a\\]b]\n\n[a\\]b]: javascript:alert(1)",
            "[x](not-inline [r]\n\n[r]: javascript:alert(1)",
            // angle-bracket destinations and autolinks
            "[x](<javascript:alert(1)>)",
            "[x](<javascript:alert(1)> \"t\")",
            "[x](< javascript:alert(1)> \"t\")",
            "[r]\n\n[r]: <&#106;avascript:alert(1)> 'a title'",
            "<javascript:alert(1)>",
            "<JAVASCRIPT:alert(1)>",
            "<vbscript:msgbox(1)>",
            "<data:text/html,x>",
            // nesting: images in links, links in emphasis, headings, lists, quotes and table rows
            "[![a](javascript:x)](javascript:y)",
            "[![a][i]](javascript:y)\n\n[i]: data:x",
            "[![a](https://ok.example/i.png)](javascript:y)",
            "*[a](javascript:x)* and **_[b](javascript:y)_**",
            "# [a](javascript:x)",
            "Title [a](javascript:x)\n=====",
            "| a | [b](javascript:x) |\n|---|---|\n| [c](vbscript:y) | d |",
            "> - [a](javascript:x)\n>   [b](\n>   javascript:y)",
            "1. [a](javascript:x)",
            "[a [b] c](javascript:x)",
            "[`]`](javascript:x)",
            "[<b>]</b>](javascript:x)",
            "[a  \nb](javascript:x)",
            "[a\\\nb](javascript:x)",
            "[](javascript:x)",
            // a destination split across lines, and what a shorter destination could uncover
            "[a](\njavascript:alert(1))",
            "[a](\n  javascript:alert(1)\n)",
            "[a](\njavascript:alert(1)\n\"t\")",
            "[a](\njavascript:x\n\"[b](javascript:y)\")",
            "[r]\n\n[r]:\njavascript:alert(1)",
            "> [r]:\n> javascript:alert(1)\n\n[r]",
            // raw HTML, cleaned as before
            "<a href=\"&#106;avascript:alert(1)\">x</a>",
            "<a href=\" javascript:alert(1)\">x</a>",
            "<img src=\"javascript:alert(1)\"> <img src=\"data:image/png;base64,AAAA\">",
            "<a href=\"javascript:alert(1)\">[x](javascript:y)</a>",
            // many in one text
            "[a](javascript:1) [b](javascript:2)\n\n[c][r] ![d](data:3)\n\n[r]: vbscript:4"
        };
        for (String markdown : evasions) {
            String sanitized = Sanitizer.markdown(markdown);
            assertThat(renderedUrls(sanitized))
                    .as("%s sanitized to %s", markdown, sanitized)
                    .noneMatch(SanitizerTests::canRunScript);
            assertThat(Sanitizer.hasDangerousLink(sanitized)).as(sanitized).isFalse();
        }
    }

    @Test
    void onlyTheDangerousDestinationIsRewrittenAndTheRestStaysAsWritten() {
        assertThat(Sanitizer.markdown("[a](< javascript:x> \"t\") and [b](https://ok.example)"))
                .isEqualTo("[a](# \"t\") and [b](https://ok.example)");
        assertThat(Sanitizer.markdown("[r]\n\n[r]: <&#106;avascript:x> 'a title'"))
                .isEqualTo("[r]\n\n[r]: # 'a title'");
        assertThat(Sanitizer.markdown("[![a](javascript:x)](javascript:y)")).isEqualTo("[![a](#)](#)");
        assertThat(Sanitizer.markdown("*[a](JaVaScRiPt:x)* **b** [c](jav&#x61;script:y 'c')"))
                .isEqualTo("*[a](#)* **b** [c](# 'c')");
        assertThat(Sanitizer.markdown("[x][r]\n\n[r]: javascript:alert(1) \"title\"\n[s]: https://ok.example"))
                .isEqualTo("[x][r]\n\n[r]: # \"title\"\n[s]: https://ok.example");
        assertThat(Sanitizer.markdown("| a | [b](javascript:x) |\n|---|---|")).isEqualTo("| a | [b](#) |\n|---|---|");
    }

    /** A bare {@code #} at the start of a line would be a heading and end the paragraph: the link keeps its shape. */
    @Test
    void aDestinationOnALineOfItsOwnStaysALink() {
        assertThat(Sanitizer.markdown("[a](\njavascript:x\n)")).isEqualTo("[a](\n<#>\n)");
        assertThat(Sanitizer.markdown("> [r]:\n>   javascript:x \"t\"\n\n[r]"))
                .isEqualTo("> [r]:\n>   <#> \"t\"\n\n[r]");
        assertThat(rendered(Sanitizer.markdown("[a](\njavascript:x\n)"))).isEqualTo("<p><a href=\"#\">a</a></p>\n");
    }

    /** Browsers read a percent-encoded scheme as part of a relative path, never as a scheme: such links stay. */
    @Test
    void percentEncodedSchemesAreHarmlessPathsAndStayAsWritten() {
        for (String markdown :
                new String[] {"[a](%6Aavascript:alert(1))", "[a](javascript%3Aalert(1))", "[a](java%09script:alert(1))"
                }) {
            assertThat(Sanitizer.markdown(markdown)).isEqualTo(markdown);
            assertThat(renderedUrls(markdown)).singleElement().matches(url -> !canRunScript(url));
        }
    }

    @Test
    void safeLinksImagesAndDefinitionsAreLeftAlone() {
        String markdown =
                "See [the shop](https://example.com/a_(b) \"Shop\"), ![photo](/img/p.png), [mail](mailto:a@b.c),"
                        + " [top](#top) and [the guide][g].\n\n[g]: https://example.com/guide 'Guide'\n";

        assertThat(Sanitizer.markdown(markdown)).isEqualTo(markdown);
    }

    private static final org.commonmark.parser.Parser COMMONMARK =
            org.commonmark.parser.Parser.builder().build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().build();

    private static String rendered(String markdown) {
        return HTML.render(COMMONMARK.parse(markdown));
    }

    /** Every {@code href} and {@code src} of the rendered HTML, entities decoded as a browser decodes them. */
    private static List<String> renderedUrls(String markdown) {
        org.jsoup.nodes.Document html = Jsoup.parseBodyFragment(rendered(markdown));
        List<String> urls = new ArrayList<>();
        html.select("[href]").forEach(element -> urls.add(element.attr("href")));
        html.select("[src]").forEach(element -> urls.add(element.attr("src")));
        return urls;
    }

    /** Browsers skip whitespace and control characters in a URL before reading its scheme, and ignore its case. */
    private static boolean canRunScript(String url) {
        String scheme = url.replaceAll("[\\s\\p{Cntrl}]", "").toLowerCase(Locale.ROOT);
        return scheme.startsWith("javascript:") || scheme.startsWith("vbscript:") || scheme.startsWith("data:");
    }
}
