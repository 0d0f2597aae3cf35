package io.roundup.search.indexing;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * The text a reader sees in a Markdown body: emphasis, headings and link syntax gone, link (and image) texts kept, HTML tags
 * (already sanitized by article-service) dropped. Indexing this instead of the source keeps highlight fragments free
 * of {@code **} and {@code [..](..)}, and stops URLs from matching readers' words.
 */
final class PlainText {

    private static final Parser PARSER = Parser.builder().build();
    private static final TextContentRenderer RENDERER =
            TextContentRenderer.builder().build();

    private PlainText() {}

    static String of(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return markdown;
        }
        Node document = PARSER.parse(markdown);
        Markup markup = new Markup();
        document.accept(markup);
        markup.html.forEach(Node::unlink);
        markup.links.forEach(PlainText::unwrap);
        return RENDERER.render(document).strip();
    }

    /** A link reads as its text: the renderer would add the quoted text and the URL, which readers never search for. */
    private static void unwrap(Node link) {
        Node child = link.getFirstChild();
        while (child != null) {
            Node next = child.getNext();
            link.insertBefore(child);
            child = next;
        }
        link.unlink();
    }

    /**
     * Finds what does not belong in the text (collected first: the tree cannot change while it is walked). Inline tags
     * are separate nodes around text nodes, so dropping them keeps the words between them. A block of HTML is one node
     * holding raw markup; what sanitizing left in it is formatting, and dropping it loses no review text that Markdown
     * would show as prose.
     */
    private static final class Markup extends AbstractVisitor {

        private final List<Node> html = new ArrayList<>();
        private final List<Node> links = new ArrayList<>();

        @Override
        public void visit(HtmlInline node) {
            html.add(node);
        }

        @Override
        public void visit(HtmlBlock node) {
            html.add(node);
        }

        @Override
        public void visit(Link link) {
            links.add(link);
            visitChildren(link);
        }

        @Override
        public void visit(Image image) {
            links.add(image);
            visitChildren(image);
        }
    }
}
