package io.roundup.article;

import io.roundup.support.revision.StaleRevision;

/** The caller based its change on a revision that is no longer the current one. */
public class RevisionConflict extends StaleRevision {

    RevisionConflict(long current) {
        super("The article has changed since the revision you sent; it is now at revision " + current + ".", current);
    }
}
