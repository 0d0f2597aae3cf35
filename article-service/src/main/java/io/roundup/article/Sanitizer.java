package io.roundup.article;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.jsoup.safety.Safelist;

/**
 * Keeps editors' text safe to render. Markdown is stored exactly as written unless it contains HTML markup: only
 * then is it cleaned against a small safelist, so {@code a < b & c} survives untouched while scripts, styles, event
 * handlers and {@code javascript:} links never do. Plain-text fields (titles, headings…) lose all markup.
 */
final class Sanitizer {

    /** Something an HTML parser would read as a tag, a comment or a declaration. */
    private static final Pattern MARKUP = Pattern.compile("<[A-Za-z!/?]");
    /** {@code &lt;} that cannot open a tag once unescaped (followed by a space, a digit, '=', end of text…). */
    private static final Pattern HARMLESS_LT = Pattern.compile("&lt;(?![A-Za-z!/?])");
    /** Where a Markdown inline link or image destination starts: {@code [text](destination "title")}. */
    private static final Pattern INLINE_LINK = Pattern.compile("\\]\\(");
    /** Markdown link reference definitions: {@code [label]: destination}. */
    private static final Pattern REFERENCE_LINK = Pattern.compile("(?m)^ {0,3}\\[[^\\]]+\\]:\\s*<?([^\\s>]*)");

    private static final Pattern IGNORED_IN_SCHEME = Pattern.compile("[\\s\\p{Cntrl}\\\\]+");
    private static final List<String> DANGEROUS_SCHEMES = List.of("javascript:", "vbscript:", "data:");
    private static final String NEUTRAL_DESTINATION = "#";
    /** The opening bracket of a possible link reference definition, escaped when links are given up. */
    private static final Pattern DEFINITION_START = Pattern.compile("(?m)^( {0,3})\\[");

    private static final org.commonmark.parser.Parser MARKDOWN =
            org.commonmark.parser.Parser.builder().build();

    private static final Safelist MARKDOWN_HTML = Safelist.basic().addTags("h1", "h2", "h3", "h4", "h5", "h6", "hr");
    private static final Document.OutputSettings OUTPUT = new Document.OutputSettings().prettyPrint(false);

    private Sanitizer() {}

    /** Every text field of the content, cleaned; nulls (also null list elements) stay where they are for validation. */
    static Content content(Content content) {
        if (content == null) {
            return null;
        }
        Content.Author author = content.author() == null
                ? null
                : new Content.Author(
                        plainText(content.author().name()),
                        markdown(content.author().bio()));
        return new Content(
                plainText(content.title()),
                plainText(content.summary()),
                plainText(content.category()),
                each(content.tags(), Sanitizer::plainText),
                author,
                markdown(content.intro()),
                each(
                        content.entries(),
                        entry -> new Content.Entry(
                                entry.rank(),
                                plainText(entry.productId()),
                                plainText(entry.heading()),
                                markdown(entry.body()),
                                each(
                                        entry.features(),
                                        f -> new Content.Feature(plainText(f.name()), plainText(f.description()))))),
                each(content.sections(), s -> new Content.Section(plainText(s.heading()), markdown(s.body()))));
    }

    static String markdown(String text) {
        if (text == null) {
            return null;
        }
        String cleaned = MARKUP.matcher(text).find() ? clean(text, MARKDOWN_HTML) : text;
        String neutralized = neutralizeReferenceLinks(neutralizeInlineLinks(cleaned));
        if (hasDangerousLink(neutralized)) {
            // The CommonMark parser still finds a link the rewrite missed: give up links in this text altogether.
            neutralized =
                    DEFINITION_START.matcher(neutralized.replace("](", "]\\(")).replaceAll("$1\\\\[");
        }
        return neutralized;
    }

    /** Whether a CommonMark renderer would produce a link or image whose destination could run script. */
    static boolean hasDangerousLink(String markdown) {
        boolean[] found = {false};
        Node document = MARKDOWN.parse(markdown);
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                found[0] |= isDangerous(link.getDestination());
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                found[0] |= isDangerous(image.getDestination());
                visitChildren(image);
            }
        });
        return found[0];
    }

    static String plainText(String text) {
        if (text == null || !MARKUP.matcher(text).find()) {
            return text;
        }
        return clean(text, Safelist.none());
    }

    /**
     * jsoup escapes every {@code &}, {@code <} and {@code >} of the text it keeps; undo the escapes that cannot form
     * markup, so Markdown such as {@code > quote} or {@code a & b} still reads the same.
     */
    private static String clean(String text, Safelist safelist) {
        String cleaned = Jsoup.clean(text, "", safelist, OUTPUT);
        cleaned = cleaned.replace("&gt;", ">");
        cleaned = HARMLESS_LT.matcher(cleaned).replaceAll("<");
        return cleaned.replace("&amp;", "&");
    }

    /** Destinations as CommonMark reads them: {@code <...>}, or up to whitespace or an unbalanced {@code )}. */
    private static String neutralizeInlineLinks(String text) {
        Matcher matcher = INLINE_LINK.matcher(text);
        StringBuilder out = null;
        int copied = 0;
        int from = 0;
        while (matcher.find(from)) {
            int start = matcher.end();
            while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
                start++;
            }
            int end = start;
            if (end < text.length() && text.charAt(end) == '<') {
                int close = text.indexOf('>', end);
                end = close < 0 ? text.length() : close + 1;
            } else {
                int depth = 0;
                while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
                    char c = text.charAt(end);
                    if (c == '\\' && end + 1 < text.length()) {
                        end += 2;
                        continue;
                    }
                    if (c == '(') {
                        depth++;
                    } else if (c == ')' && depth-- == 0) {
                        break;
                    }
                    end++;
                }
            }
            if (isDangerous(text.substring(start, end))) {
                if (out == null) {
                    out = new StringBuilder(text.length());
                }
                out.append(text, copied, start).append(NEUTRAL_DESTINATION);
                copied = end;
            }
            from = Math.max(end, matcher.end());
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    private static String neutralizeReferenceLinks(String text) {
        Matcher matcher = REFERENCE_LINK.matcher(text);
        StringBuilder out = null;
        int copied = 0;
        while (matcher.find()) {
            if (isDangerous(matcher.group(1))) {
                if (out == null) {
                    out = new StringBuilder(text.length());
                }
                out.append(text, copied, matcher.start(1)).append(NEUTRAL_DESTINATION);
                copied = matcher.end(1);
            }
        }
        if (out == null) {
            return text;
        }
        return out.append(text, copied, text.length()).toString();
    }

    /** Renderers decode entities and backslash escapes and browsers skip control characters: check what they would see. */
    private static boolean isDangerous(String destination) {
        String decoded =
                Parser.unescapeEntities(destination.startsWith("<") ? destination.substring(1) : destination, false);
        String scheme = IGNORED_IN_SCHEME.matcher(decoded).replaceAll("").toLowerCase(Locale.ROOT);
        return DANGEROUS_SCHEMES.stream().anyMatch(scheme::startsWith);
    }

    private static <T> List<T> each(List<T> items, Function<T, T> clean) {
        List<T> out = new ArrayList<>(items.size());
        for (T item : items) {
            out.add(item == null ? null : clean.apply(item));
        }
        return out;
    }
}
