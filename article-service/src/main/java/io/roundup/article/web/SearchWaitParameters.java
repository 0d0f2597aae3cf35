package io.roundup.article.web;

import io.roundup.article.search.SearchSettings;
import io.roundup.support.web.InvalidQuery;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code ?wait=searchable&timeout=5s} on a publish or unpublish: checked before anything is written. */
final class SearchWaitParameters {

    static final String SEARCHABLE = "searchable";

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s)?");

    private SearchWaitParameters() {}

    /** How long to wait; a 400 problem naming {@code wait} or {@code timeout} when either is unusable. */
    static Duration timeout(String wait, String timeout, SearchSettings settings) {
        InvalidQuery problems = new InvalidQuery();
        if (!SEARCHABLE.equals(wait)) {
            problems.add("wait", "must be '" + SEARCHABLE + "'");
        }
        Duration wanted = settings.defaultTimeout();
        if (timeout != null) {
            Matcher matcher = DURATION.matcher(timeout.trim());
            Duration parsed = null;
            if (matcher.matches()) {
                long amount = Long.parseLong(matcher.group(1));
                parsed = "ms".equals(matcher.group(2)) ? Duration.ofMillis(amount) : Duration.ofSeconds(amount);
            }
            if (parsed == null || parsed.compareTo(settings.maxTimeout()) > 0) {
                problems.add(
                        "timeout",
                        "must be a duration such as 5s or 500ms, at most "
                                + settings.maxTimeout().toSeconds() + "s");
            } else {
                wanted = parsed;
            }
        }
        problems.throwIfAny();
        return wanted;
    }
}
