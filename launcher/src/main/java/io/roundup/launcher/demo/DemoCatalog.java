package io.roundup.launcher.demo;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo content shipped in {@code demo/roundups.json}. Products carry a key of the file's own and roundup entries
 * name that key, because a product's id exists only once product-service has created it.
 */
record DemoCatalog(List<Product> products, List<Roundup> roundups) {

    static final String RESOURCE = "demo/roundups.json";

    /**
     * Strict on reading, so a misspelt field fails here and not as a 400 halfway through seeding; an absent optional
     * field (a film has no brand) is left out on writing rather than sent as null.
     */
    static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    static DemoCatalog load() {
        try (InputStream in = DemoCatalog.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new SeedingFailed(RESOURCE + " is missing from the launcher's class path");
            }
            return JSON.readValue(in, DemoCatalog.class);
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot read " + RESOURCE, ex);
        }
    }

    /** A product as {@code POST /api/products} takes it, plus the {@code key} that roundups use to name it. */
    record Product(
            String key, String name, String kind, String brand, Map<String, String> attributes, List<Offer> offers) {}

    record Offer(String retailer, String url, Price price) {}

    record Price(String amount, String currency) {}

    /** An article as {@code POST /api/articles} takes it, except that entries name a product by key. */
    record Roundup(
            String title,
            String summary,
            String category,
            List<String> tags,
            Author author,
            String intro,
            List<Entry> entries,
            List<Section> sections) {}

    record Author(String name, String bio) {}

    record Entry(int rank, String product, String heading, String body, List<Feature> features) {}

    record Feature(String name, String description) {}

    record Section(String heading, String body) {}
}
