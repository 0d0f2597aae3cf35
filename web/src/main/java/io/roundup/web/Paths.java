package io.roundup.web;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import org.springframework.web.util.UriUtils;

/** The site's addresses, made in one place so that every page links the same way. */
public final class Paths {

    private Paths() {}

    public static String review(String slug) {
        return "/reviews/" + UriUtils.encodePathSegment(slug, StandardCharsets.UTF_8);
    }

    public static String author(String name) {
        return "/authors/" + UriUtils.encodePathSegment(name, StandardCharsets.UTF_8);
    }

    public static String category(String category) {
        return "/categories/" + UriUtils.encodePathSegment(category, StandardCharsets.UTF_8);
    }

    /** An id for an in-page link: "Buying guide" → "buying-guide". */
    public static String anchor(String heading) {
        if (heading == null) {
            return "section";
        }
        String plain = Normalizer.normalize(heading, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
        return plain.isEmpty() ? "section" : plain;
    }
}
