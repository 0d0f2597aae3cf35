package io.roundup.article;

import com.ibm.icu.text.Transliterator;
import java.util.Locale;
import java.util.regex.Pattern;

/** Readable URL names for articles: derived from the title once, then stable. */
final class Slugs {

    static final int MAX_LENGTH = 80;
    static final Pattern VALID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");
    /**
     * Any script to Latin, then Latin to ASCII (ICU's transforms: "Straße" → "Strasse", "Łódź" → "Lodz",
     * "Лучшие" → "Luchshiye", "東京" → "dong jing"). A Transliterator is not meant to be shared between threads.
     */
    private static final ThreadLocal<Transliterator> TO_ASCII =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Russian-Latin/BGN; Any-Latin; Latin-ASCII"));

    private static final String FALLBACK = "article";

    private Slugs() {}

    /** "Crème Brûlée: Top 5!" becomes "creme-brulee-top-5"; a title with nothing to keep becomes "article". */
    static String derive(String title) {
        String ascii = TO_ASCII.get().transliterate(title == null ? "" : title);
        String slug = NOT_ALPHANUMERIC.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("-");
        slug = trimHyphens(slug);
        slug = truncate(slug, MAX_LENGTH);
        return slug.isEmpty() ? FALLBACK : slug;
    }

    /** The n-th candidate for a taken base: {@code base}, {@code base-2}, {@code base-3}, … always within the length limit. */
    static String candidate(String base, int n) {
        if (n <= 1) {
            return base;
        }
        String suffix = "-" + n;
        return truncate(base, MAX_LENGTH - suffix.length()) + suffix;
    }

    static boolean isValid(String slug) {
        return slug != null
                && slug.length() <= MAX_LENGTH
                && VALID.matcher(slug).matches();
    }

    /** Cuts at a word boundary when one is near, and never leaves a trailing hyphen. */
    private static String truncate(String slug, int max) {
        if (slug.length() <= max) {
            return slug;
        }
        String cut = slug.substring(0, max);
        int lastHyphen = cut.lastIndexOf('-');
        if (slug.charAt(max) != '-' && lastHyphen > max / 2) {
            cut = cut.substring(0, lastHyphen);
        }
        return trimHyphens(cut);
    }

    private static String trimHyphens(String slug) {
        int start = 0;
        int end = slug.length();
        while (start < end && slug.charAt(start) == '-') {
            start++;
        }
        while (end > start && slug.charAt(end - 1) == '-') {
            end--;
        }
        return slug.substring(start, end);
    }
}
