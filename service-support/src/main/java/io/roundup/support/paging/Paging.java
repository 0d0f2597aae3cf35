package io.roundup.support.paging;

import io.roundup.support.web.InvalidQuery;

/**
 * {@code page} (0..10000) and {@code size} (1..100, default 20) of a list request. The page is bounded so that the
 * offset it asks for ({@code page × size}) stays far from overflowing the store's skip, and nobody pages that deep.
 */
public record Paging(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    public static final int MAX_PAGE = 10_000;

    /** Adds a message per bad parameter to {@code problems}; the returned value is only meaningful when none was added. */
    public static Paging parse(String page, String size, InvalidQuery problems) {
        int p = number(page, 0, "page", problems);
        int s = number(size, DEFAULT_SIZE, "size", problems);
        if (p < 0) {
            problems.add("page", "must be 0 or more");
        } else if (p > MAX_PAGE) {
            problems.add("page", "must be at most " + MAX_PAGE);
        }
        if (s < 1 || s > MAX_SIZE) {
            problems.add("size", "must be between 1 and " + MAX_SIZE);
        }
        return new Paging(p, s);
    }

    private static int number(String value, int fallback, String name, InvalidQuery problems) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String digits = value.trim();
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException ex) {
            boolean tooLarge = digits.matches("[+-]?[0-9]+");
            problems.add(name, tooLarge ? "is too large" : "must be a whole number");
            return fallback;
        }
    }
}
