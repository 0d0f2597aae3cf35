package io.roundup.support.revision;

import java.util.Set;

/**
 * Which revisions a write may apply to: the caller's last-seen revision(s), or any revision at all. An empty set
 * matches nothing, so the write is refused as stale.
 */
public record ExpectedRevision(Set<Long> revisions) {

    private static final ExpectedRevision ANY = new ExpectedRevision(null);

    public ExpectedRevision {
        revisions = revisions == null ? null : Set.copyOf(revisions);
    }

    public static ExpectedRevision any() {
        return ANY;
    }

    public static ExpectedRevision oneOf(Set<Long> revisions) {
        return new ExpectedRevision(revisions);
    }

    public static ExpectedRevision exactly(long revision) {
        return new ExpectedRevision(Set.of(revision));
    }

    public boolean isAny() {
        return revisions == null;
    }

    public boolean matches(long revision) {
        return isAny() || revisions.contains(revision);
    }
}
