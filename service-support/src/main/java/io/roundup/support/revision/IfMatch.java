package io.roundup.support.revision;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code If-Match} (RFC 9110) into the revisions a write may apply to. Our ETags are strong, {@code "<revision>"}:
 * a list matches when one of its tags is current, {@code *} matches any revision, and a weak or unreadable tag matches
 * nothing, so the write is refused as stale (412), never applied blindly.
 */
public final class IfMatch {

    private static final Pattern STRONG_TAG = Pattern.compile("\"(\\d{1,18})\"|(\\d{1,18})");

    private IfMatch() {}

    /** For writes that must name the revision they change: {@link Missing} (428) when the header is absent. */
    public static ExpectedRevision required(String header) {
        if (header == null || header.isBlank()) {
            throw new Missing();
        }
        return parse(header);
    }

    /** For writes where the condition is the client's choice: any revision when the header is absent. */
    public static ExpectedRevision optional(String header) {
        return header == null || header.isBlank() ? ExpectedRevision.any() : parse(header);
    }

    static ExpectedRevision parse(String header) {
        if (header.strip().equals("*")) {
            return ExpectedRevision.any();
        }
        Set<Long> revisions = new LinkedHashSet<>();
        for (String tag : header.split(",")) {
            Matcher matcher = STRONG_TAG.matcher(tag.strip());
            if (matcher.matches()) {
                revisions.add(Long.parseLong(matcher.group(1) != null ? matcher.group(1) : matcher.group(2)));
            }
        }
        return ExpectedRevision.oneOf(revisions);
    }

    /** The ETag of a revision. */
    public static String etag(long revision) {
        return "\"" + revision + "\"";
    }

    /** The write needs {@code If-Match} and it was not sent; the shared problem advice answers 428. */
    public static final class Missing extends RuntimeException {

        public Missing() {
            super("Send If-Match with the ETag of the revision you read, so that no one else's change is overwritten.");
        }
    }
}
