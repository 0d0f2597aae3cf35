package io.roundup.product;

/** The write expected a revision the product no longer has; nothing was changed. */
public class RevisionMismatch extends RuntimeException {

    private final long currentRevision;

    public RevisionMismatch(String id, long currentRevision) {
        super("Product " + id + " is at revision " + currentRevision);
        this.currentRevision = currentRevision;
    }

    public long currentRevision() {
        return currentRevision;
    }
}
