package io.roundup.search;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.roundup.events.ArticleChanged;
import io.roundup.events.ArticleContent;
import io.roundup.events.ArticleStatus;
import io.roundup.events.Money;
import io.roundup.events.Offer;
import io.roundup.events.ProductChanged;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The judged corpus: roundups written for this suite ({@code relevance/corpus-*.json}, the demo content's shape plus a
 * {@code key} per roundup), turned into the events article- and product-service would send for them.
 */
record RelevanceCorpus(List<Product> products, List<Roundup> roundups) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static RelevanceCorpus read(String... resources) {
        List<Product> products = new ArrayList<>();
        List<Roundup> roundups = new ArrayList<>();
        for (String resource : resources) {
            try (InputStream in = new ClassPathResource(resource).getInputStream()) {
                RelevanceCorpus part = JSON.readValue(in, RelevanceCorpus.class);
                products.addAll(part.products());
                roundups.addAll(part.roundups());
            } catch (IOException ex) {
                throw new UncheckedIOException("Cannot read " + resource, ex);
            }
        }
        return new RelevanceCorpus(products, roundups);
    }

    /** Products as product-service announces them; the key is the product id. */
    List<ProductChanged> productEvents() {
        return products.stream()
                .map(p -> new ProductChanged(
                        p.key(),
                        1,
                        Instant.parse("2026-01-01T00:00:00Z"),
                        p.name(),
                        p.kind(),
                        p.brand(),
                        p.attributes() == null ? Map.of() : p.attributes(),
                        p.offers() == null
                                ? List.of()
                                : p.offers().stream()
                                        .map(o -> new Offer(
                                                o.retailer(),
                                                o.url(),
                                                new Money(
                                                        o.price().amount(),
                                                        o.price().currency())))
                                        .toList(),
                        null))
                .toList();
    }

    /**
     * Roundups published a day apart in file order, so that "newest first" is deterministic; the key is the article
     * id and the slug.
     */
    List<ArticleChanged> articleEvents() {
        List<ArticleChanged> events = new ArrayList<>();
        Instant first = Instant.parse("2026-02-01T09:00:00Z");
        for (int i = 0; i < roundups.size(); i++) {
            Roundup r = roundups.get(i);
            Instant publishedAt = first.plusSeconds(86_400L * i);
            ArticleContent content = new ArticleContent(
                    r.title(),
                    r.summary(),
                    r.category(),
                    r.tags(),
                    new ArticleContent.Author(r.author().name(), r.author().bio()),
                    r.intro(),
                    r.entries().stream()
                            .map(e -> new ArticleContent.Entry(
                                    e.rank(),
                                    e.product(),
                                    e.heading(),
                                    e.body(),
                                    e.features() == null
                                            ? List.of()
                                            : e.features().stream()
                                                    .map(f -> new ArticleContent.Feature(f.name(), f.description()))
                                                    .toList()))
                            .toList(),
                    r.sections() == null
                            ? List.of()
                            : r.sections().stream()
                                    .map(s -> new ArticleContent.Section(s.heading(), s.body()))
                                    .toList());
            events.add(new ArticleChanged(
                    r.key(), 2, publishedAt, ArticleStatus.PUBLISHED, r.key(), publishedAt, content));
        }
        return events;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Product(
            String key,
            String name,
            String kind,
            String brand,
            Map<String, String> attributes,
            List<ProductOffer> offers) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ProductOffer(String retailer, String url, Price price) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Price(String amount, String currency) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Roundup(
            String key,
            String title,
            String summary,
            String category,
            List<String> tags,
            Author author,
            String intro,
            List<Entry> entries,
            List<Section> sections) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Author(String name, String bio) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Entry(int rank, String product, String heading, String body, List<Feature> features) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Feature(String name, String description) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Section(String heading, String body) {}
}
