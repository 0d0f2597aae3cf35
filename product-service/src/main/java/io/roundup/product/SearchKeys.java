package io.roundup.product;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Name search without a text index: a name is stored normalized (lower case, accents folded, single spaces) from the
 * start of each of its words, so "stu" and "studio mon" both find "Northwind Studio Monitor" with an anchored,
 * index-friendly regex. What the user typed is always escaped: it is text, never a pattern.
 */
final class SearchKeys {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private SearchKeys() {}

    static String normalize(String text) {
        String folded =
                MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        return SPACES.matcher(folded.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    /** The normalized name from each word start: "wh-1000xm5 pro" → [wh-1000xm5 pro, 1000xm5 pro, pro]. */
    static List<String> of(String name) {
        String normalized = normalize(name);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < normalized.length(); i = normalized.offsetByCodePoints(i, 1)) {
            boolean wordStart =
                    isWordChar(normalized.codePointAt(i)) && (i == 0 || !isWordChar(normalized.codePointBefore(i)));
            if (wordStart) {
                keys.add(normalized.substring(i));
            }
        }
        if (keys.isEmpty() && !normalized.isEmpty()) {
            keys.add(normalized);
        }
        return keys;
    }

    /**
     * An anchored regex matching keys that start with the normalized {@code text}, every other character escaped.
     * Leading punctuation is dropped ("(2024" finds "… (2024) Edition"), because keys start at a word.
     */
    static String prefixRegex(String text) {
        String prefix = normalize(text);
        int firstWordChar = 0;
        while (firstWordChar < prefix.length() && !isWordChar(prefix.codePointAt(firstWordChar))) {
            firstWordChar = prefix.offsetByCodePoints(firstWordChar, 1);
        }
        if (firstWordChar < prefix.length()) {
            prefix = prefix.substring(firstWordChar);
        }
        StringBuilder regex = new StringBuilder("^");
        prefix.codePoints().forEach(c -> {
            if (!(c < 128 && Character.isLetterOrDigit(c) || c >= 128 && Character.isLetter(c))) {
                regex.append('\\');
            }
            regex.appendCodePoint(c);
        });
        return regex.toString();
    }

    private static boolean isWordChar(int codePoint) {
        return Character.isLetterOrDigit(codePoint);
    }
}
