package io.roundup.e2e.corpus;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One kind of roundup a site runs again and again ("Best Ultralight Tents"), with the vocabulary its products and
 * reviews share: the category and product kind, the tags, what a review judges (feature names), where the products are
 * used, a price range and the attributes a product of that kind carries.
 *
 * @param kind the product kind, one of the API's {@code music}, {@code film}, {@code book}, {@code gear}
 * @param attributes attribute name to the values it may take; for works, {@code maker} names the creator's attribute
 */
record Subject(
        String category,
        String kind,
        String plural,
        List<String> tags,
        List<String> features,
        List<String> contexts,
        double minPrice,
        double maxPrice,
        Map<String, List<String>> attributes,
        List<String> modelWords) {

    boolean isWork() {
        return !kind.equals("gear");
    }

    /**
     * A subject from one line: {@code category | kind | plural | tags | features | contexts | min-max | attributes |
     * model words}, lists comma-separated, contexts semicolon-separated, attributes {@code name=a/b/c;name=…}.
     */
    static Subject parse(String line) {
        String[] part = line.split("\\|");
        if (part.length != 9) {
            throw new IllegalArgumentException("a subject has nine parts: " + line);
        }
        String[] price = part[6].strip().split("-");
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        for (String attribute : part[7].strip().split(";")) {
            String[] nameValues = attribute.split("=", 2);
            attributes.put(nameValues[0].strip(), list(nameValues[1], "/"));
        }
        return new Subject(
                part[0].strip(),
                part[1].strip(),
                part[2].strip(),
                list(part[3], ","),
                list(part[4], ","),
                list(part[5], ";"),
                Double.parseDouble(price[0]),
                Double.parseDouble(price[1]),
                attributes,
                list(part[8], ","));
    }

    private static List<String> list(String text, String separator) {
        return Arrays.stream(text.split(separator))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
