package io.roundup.article;

/** The caller based its change on a revision that is no longer the current one. */
public class RevisionConflict extends RuntimeException {

    private final long current;

    RevisionConflict(long current) {
        super("The article has changed since the revision you sent; it is now at revision " + current + ".");
        this.current = current;
    }

    public long current() {
        return current;
    }
}
