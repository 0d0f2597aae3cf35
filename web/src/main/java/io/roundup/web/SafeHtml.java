package io.roundup.web;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;
import org.springframework.stereotype.Component;

/**
 * The only way HTML from the API reaches a page. Markdown is rendered with CommonMark and the result, like the search
 * highlights, passes jsoup's allow-list: a second line behind article-service's own cleaning, so that a bug or an old
 * stored body there cannot put a script on a reader's page.
 */
@Component
public class SafeHtml {

    /** What a review may contain: text structure, lists, tables, quotes and links (never scripts, styles or forms). */
    private static final Safelist REVIEW = Safelist.relaxed()
            .removeTags("img")
            .addEnforcedAttribute("a", "rel", "nofollow noopener")
            .addProtocols("a", "href", "https", "http", "mailto");

    /** Highlight fragments mark the matched words and nothing else. */
    private static final Safelist HIGHLIGHT = Safelist.none().addTags("em", "mark");

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer =
            HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    public String markdown(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        return Jsoup.clean(renderer.render(parser.parse(markdown)), REVIEW);
    }

    /** A search highlight: the API's {@code <em>} marks kept (as {@code <mark>}), everything else as text. */
    public String highlight(String fragment) {
        if (fragment == null) {
            return "";
        }
        return Jsoup.clean(fragment, HIGHLIGHT).replace("<em>", "<mark>").replace("</em>", "</mark>");
    }

    /** Plain text of Markdown, for meta descriptions and structured data. */
    public String text(String markdown) {
        if (markdown == null) {
            return "";
        }
        return Jsoup.parse(markdown(markdown)).text();
    }
}
