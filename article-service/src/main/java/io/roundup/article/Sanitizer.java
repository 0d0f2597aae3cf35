package io.roundup.article;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.jsoup.safety.Safelist;

/**
 * Keeps editors' text safe to render. Markdown is stored exactly as written unless it contains HTML markup or a link
 * that could run script. HTML markup is cleaned against a small safelist, so {@code a < b & c} survives untouched
 * while scripts, styles and event handlers never do. Links are judged on CommonMark's own tree, the way a renderer
 * will read them: the destination of every link, image, autolink and link reference definition whose scheme could run
 * script is rewritten in place, found through the parser's source spans, and every other character stays as written.
 * Plain-text fields (titles, headings…) lose all markup.
 */
final class Sanitizer {

    /** Something an HTML parser would read as a tag, a comment or a declaration. */
    private static final Pattern MARKUP = Pattern.compile("<[A-Za-z!/?]");
    /** {@code &lt;} that cannot open a tag once unescaped (followed by a space, a digit, '=', end of text…). */
    private static final Pattern HARMLESS_LT = Pattern.compile("&lt;(?![A-Za-z!/?])");

    private static final Pattern IGNORED_IN_SCHEME = Pattern.compile("[\\s\\p{Cntrl}\\\\]+");
    private static final List<String> DANGEROUS_SCHEMES = List.of("javascript:", "vbscript:", "data:");
    private static final String NEUTRAL_DESTINATION = "#";
    /** The same destination where a bare {@code #} would start a line, and so an ATX heading ending the paragraph. */
    private static final String NEUTRAL_DESTINATION_AT_LINE_START = "<#>";
    /** CommonMark's backslash-escapable characters: ASCII punctuation. */
    private static final String ESCAPABLE = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
    /**
     * A rewrite can change the blocks around it (a destination made shorter no longer hides what follows it), so the
     * result is parsed again until nothing dangerous is left; this many passes are far more than any real text needs.
     */
    private static final int MAX_PASSES = 8;

    private static final org.commonmark.parser.Parser MARKDOWN = org.commonmark.parser.Parser.builder()
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .build();

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
        return neutralizeLinks(cleaned);
    }

    /** Whether a CommonMark renderer would find a link, image or definition whose destination could run script. */
    static boolean hasDangerousLink(String markdown) {
        return !dangerousNodes(MARKDOWN.parse(markdown)).isEmpty();
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

    private static String neutralizeLinks(String markdown) {
        String text = markdown;
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            List<Node> dangerous = dangerousNodes(MARKDOWN.parse(text));
            if (dangerous.isEmpty()) {
                return text;
            }
            List<Rewrite> rewrites = new ArrayList<>();
            for (Node node : dangerous) {
                Source source = Source.of(node, text);
                int[] destination = node instanceof LinkReferenceDefinition
                        ? source.definitionDestination()
                        : source.linkDestination();
                if (destination != null) {
                    rewrites.add(source.neutralized(destination));
                }
            }
            if (rewrites.isEmpty()) {
                // The parser sees a dangerous destination that no rewrite can reach: give up link syntax altogether.
                break;
            }
            text = Rewrite.apply(text, rewrites);
        }
        return hasDangerousLink(text) ? literally(text) : text;
    }

    /** Links, images (autolinks included) and link reference definitions whose destination could run script. */
    private static List<Node> dangerousNodes(Node document) {
        List<Node> found = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                if (isDangerous(link.getDestination())) {
                    found.add(link);
                }
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                if (isDangerous(image.getDestination())) {
                    found.add(image);
                }
                visitChildren(image);
            }

            @Override
            public void visit(LinkReferenceDefinition definition) {
                if (isDangerous(definition.getDestination())) {
                    found.add(definition);
                }
            }
        });
        return found;
    }

    /**
     * The parser has decoded entities and backslash escapes already; decode entities once more (a browser reading the
     * rendered attribute would) and drop what browsers skip inside a scheme, so only the scheme itself is judged.
     */
    private static boolean isDangerous(String destination) {
        if (destination == null) {
            return false;
        }
        String decoded = Parser.unescapeEntities(destination, false);
        String scheme = IGNORED_IN_SCHEME.matcher(decoded).replaceAll("").toLowerCase(Locale.ROOT);
        return DANGEROUS_SCHEMES.stream().anyMatch(scheme::startsWith);
    }

    /** The last resort: every backslash and bracket escaped, so that no link, image, autolink or HTML is left. */
    private static String literally(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || c == '[' || c == ']' || c == '<') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    private static <T> List<T> each(List<T> items, Function<T, T> clean) {
        List<T> out = new ArrayList<>(items.size());
        for (T item : items) {
            out.add(item == null ? null : clean.apply(item));
        }
        return out;
    }

    /** Replaces input characters {@code [start, end)} with {@code replacement}. */
    private record Rewrite(int start, int end, String replacement) {

        /** Rewrites never overlap: each is one destination. Applied from the end, so earlier offsets stay valid. */
        static String apply(String text, List<Rewrite> rewrites) {
            StringBuilder out = new StringBuilder(text);
            rewrites.stream()
                    .sorted(Comparator.comparingInt(Rewrite::start).reversed())
                    .forEach(r -> out.replace(r.start(), r.end(), r.replacement()));
            return out.toString();
        }
    }

    /**
     * A node's source as the parser read it: the text of its source spans (a span per line, without container markers
     * such as {@code > }), joined by line ends, with the input offset of each character. Only the position of a
     * destination is found here, by CommonMark's grammar for it; which nodes are links, and what their destinations
     * are, the parser has decided.
     *
     * @param offsets the input offset of each character of {@code text}; -1 for the joining line ends
     */
    private record Source(String text, int[] offsets, Node node) {

        static Source of(Node node, String input) {
            StringBuilder text = new StringBuilder();
            List<Integer> offsets = new ArrayList<>();
            for (SourceSpan span : node.getSourceSpans()) {
                if (!text.isEmpty()) {
                    text.append('\n');
                    offsets.add(-1);
                }
                for (int i = span.getInputIndex(); i < span.getInputIndex() + span.getLength(); i++) {
                    text.append(input.charAt(i));
                    offsets.add(i);
                }
            }
            return new Source(
                    text.toString(),
                    offsets.stream().mapToInt(Integer::intValue).toArray(),
                    node);
        }

        /**
         * Where the destination of a link or image stands in {@link #text}: inside an autolink's {@code <…>}, or after
         * the {@code ](} that ends the link text. Null for a reference link (its definition holds the destination),
         * or when the source does not read as the parser said.
         */
        int[] linkDestination() {
            if (text.startsWith("<") && text.endsWith(">") && text.indexOf('\n') < 0) {
                return new int[] {1, text.length() - 1};
            }
            int p = skipWhitespace(textEnd());
            if (p >= text.length() || text.charAt(p) != ']') {
                return null;
            }
            p++;
            if (p >= text.length() || text.charAt(p) != '(') {
                return null;
            }
            return destinationAt(skipWhitespace(p + 1));
        }

        /** Where the destination of {@code [label]: destination "title"} stands in {@link #text}. */
        int[] definitionDestination() {
            int p = skipWhitespace(0);
            if (p >= text.length() || text.charAt(p) != '[') {
                return null;
            }
            for (p++; p < text.length() && text.charAt(p) != ']'; p++) {
                if (text.charAt(p) == '\\' && p + 1 < text.length() && isEscapable(text.charAt(p + 1))) {
                    p++;
                }
            }
            if (p + 1 >= text.length() || text.charAt(p + 1) != ':') {
                return null;
            }
            return destinationAt(skipWhitespace(p + 2));
        }

        /** The rewrite of {@code destination} (a range of {@link #text}, never across a line) to a harmless one. */
        Rewrite neutralized(int[] destination) {
            int lineStart = text.lastIndexOf('\n', destination[0] - 1);
            boolean startsLine = lineStart >= 0
                    && text.substring(lineStart + 1, destination[0]).isBlank();
            return new Rewrite(
                    offsets[destination[0]],
                    offsets[destination[1] - 1] + 1,
                    startsLine ? NEUTRAL_DESTINATION_AT_LINE_START : NEUTRAL_DESTINATION);
        }

        /**
         * Where the link text ends: after the last character any descendant was read from (line breaks have no span
         * of their own), or right after the opening {@code [} or {@code ![} when the text is empty.
         */
        private int textEnd() {
            int end = text.startsWith("![") ? 2 : 1;
            int last = lastInputIndex(node.getFirstChild());
            for (int i = 0; i < offsets.length && last >= 0; i++) {
                if (offsets[i] == last) {
                    end = i + 1;
                }
            }
            return end;
        }

        private static int lastInputIndex(Node first) {
            int last = -1;
            for (Node child = first; child != null; child = child.getNext()) {
                for (SourceSpan span : child.getSourceSpans()) {
                    last = Math.max(last, span.getInputIndex() + span.getLength() - 1);
                }
                last = Math.max(last, lastInputIndex(child.getFirstChild()));
            }
            return last;
        }

        /** CommonMark's link destination: {@code <…>} up to the first unescaped {@code >} on the line, or a run without spaces or control characters whose parentheses balance. */
        private int[] destinationAt(int start) {
            if (start >= text.length()) {
                return null;
            }
            int p = start;
            if (text.charAt(p) == '<') {
                for (p++; p < text.length(); p++) {
                    char c = text.charAt(p);
                    if (c == '\\' && p + 1 < text.length() && isEscapable(text.charAt(p + 1))) {
                        p++;
                    } else if (c == '>') {
                        return new int[] {start, p + 1};
                    } else if (c == '\n' || c == '<') {
                        return null;
                    }
                }
                return null;
            }
            int parens = 0;
            for (; p < text.length(); p++) {
                char c = text.charAt(p);
                if (c == ' ' || Character.isISOControl(c)) {
                    break;
                }
                if (c == '\\' && p + 1 < text.length() && isEscapable(text.charAt(p + 1))) {
                    p++;
                } else if (c == '(') {
                    parens++;
                } else if (c == ')' && parens-- == 0) {
                    break;
                }
            }
            return p > start ? new int[] {start, p} : null;
        }

        /** CommonMark's whitespace between the parts of a link: spaces, tabs and line ends. */
        private int skipWhitespace(int from) {
            int p = from;
            while (p < text.length() && " \t\n\u000B\f\r".indexOf(text.charAt(p)) >= 0) {
                p++;
            }
            return p;
        }

        private static boolean isEscapable(char c) {
            return ESCAPABLE.indexOf(c) >= 0;
        }
    }
}
