package io.roundup.article.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code If-Match}: the ETag a client got is the article's revision in quotes. */
final class Preconditions {

    private static final Pattern STRONG_ETAG = Pattern.compile("\\s*\"?([0-9]{1,18})\"?\\s*");

    private Preconditions() {
    }

    /** For writes that must name the revision they change. */
    static long required(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new Missing();
        }
        return parse(ifMatch);
    }

    /** For writes where the condition is the client's choice; null when none was sent. */
    static Long optional(String ifMatch) {
        return ifMatch == null || ifMatch.isBlank() ? null : parse(ifMatch);
    }

    /** Weak tags, lists and {@code *} name no single revision: they can never match. */
    private static long parse(String ifMatch) {
        Matcher matcher = STRONG_ETAG.matcher(ifMatch);
        if (!matcher.matches()) {
            throw new Unusable();
        }
        return Long.parseLong(matcher.group(1));
    }

    /** The request needs {@code If-Match} and has none. */
    static final class Missing extends RuntimeException {

        Missing() {
            super("This request needs an If-Match header with the ETag of the revision you edited.");
        }
    }

    /** {@code If-Match} names no revision of ours. */
    static final class Unusable extends RuntimeException {

        Unusable() {
            super("If-Match must be the ETag of a revision, as sent by GET (for example \"3\").");
        }
    }
}
