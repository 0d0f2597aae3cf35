package io.roundup.product.web;

import io.roundup.product.ExpectedRevision;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code If-Match} (RFC 9110) into the revisions a write may apply to. Our ETags are strong, {@code "<revision>"};
 * a weak or unreadable tag matches nothing, so the write is refused as stale, never applied blindly.
 */
final class IfMatch {

    private static final Pattern STRONG_TAG = Pattern.compile("\"(\\d{1,18})\"|(\\d{1,18})");

    private IfMatch() {
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

    static String etag(long revision) {
        return "\"" + revision + "\"";
    }

    /** The write needs {@code If-Match} and it was not sent. */
    static final class Missing extends RuntimeException {

        Missing() {
            super("If-Match is required");
        }
    }
}
