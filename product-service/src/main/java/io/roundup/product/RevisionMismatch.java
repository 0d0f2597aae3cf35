package io.roundup.product;

import io.roundup.support.revision.StaleRevision;

/** The write expected a revision the product no longer has; nothing was changed. */
public class RevisionMismatch extends StaleRevision {

    public RevisionMismatch(String id, long current) {
        super(
                "Product " + id + " has changed since you read it (it is now at revision " + current
                        + "); read it again and reapply your change.",
                current);
    }
}
