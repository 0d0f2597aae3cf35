package io.roundup.article;

import java.time.Instant;
import java.util.List;

/** Articles in each workflow state, built through the real transitions. */
public final class Fixtures {

    public static final String ARTICLE_ID = "6650f1c2a1b2c3d4e5f60720";
    public static final String PRODUCT_ID = "6650f1c2a1b2c3d4e5f60718";
    public static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private Fixtures() {}

    public static Content content(String title) {
        return new Content(
                title,
                "Four closed-back pairs that keep the neighbours happy.",
                "Audio",
                List.of("headphones", "studio"),
                new Content.Author("Ada Marlowe", "Mixes records in a small flat."),
                "Mixing at night means **closed backs** and honest mids.",
                List.of(new Content.Entry(
                        1,
                        PRODUCT_ID,
                        "Northwind Studio Monitor",
                        "Flat, forgiving and light.",
                        List.of(new Content.Feature("Driver", "40 mm dynamic")))),
                List.of(new Content.Section("Buying guide", "Check the clamping force first.")));
    }

    public static Article draft(String title) {
        return Article.draft(ARTICLE_ID, "best-headphones", content(title), change(T0));
    }

    public static Article published(String title) {
        return draft(title).publish(change(T0.plusSeconds(60)));
    }

    /** Published as {@code title}, then edited to {@code editedTitle} without publishing again. */
    public static Article publishedWithDraft(String title, String editedTitle) {
        return published(title).edit(content(editedTitle), null, change(T0.plusSeconds(120)));
    }

    /** Published as {@code title}, edited to {@code editedTitle} and published again (revision 4). */
    public static Article republished(String title, String editedTitle) {
        return publishedWithDraft(title, editedTitle).publish(change(T0.plusSeconds(150)));
    }

    public static Article scheduled(String title, Instant at) {
        return draft(title).schedule(at, change(T0.plusSeconds(30)));
    }

    public static Article unpublished(String title) {
        return published(title).unpublish(change(T0.plusSeconds(180)));
    }

    public static Article deleted(String title) {
        return published(title).remove(change(T0.plusSeconds(240)));
    }

    public static TransitionRefused refused(String why) {
        return new TransitionRefused(why);
    }

    public static RevisionConflict conflictAt(long current) {
        return new RevisionConflict(current);
    }

    static Article.Change change(Instant at) {
        return new Article.Change(at, "editor", "req-1", null);
    }
}
