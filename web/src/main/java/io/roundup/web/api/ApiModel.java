package io.roundup.web.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The shapes of the API's answers, as far as the pages read them; fields the site does not show are ignored. */
public final class ApiModel {

    private ApiModel() {}

    /** Money as the API writes it everywhere: a decimal string and an ISO-4217 code. */
    public record Price(String amount, String currency) {}

    /** One page of {@code GET /api/search}. */
    public record SearchResults(long total, List<Hit> hits, Map<String, List<FacetCount>> facets, String nextCursor) {

        public SearchResults {
            hits = hits == null ? List.of() : hits;
            facets = facets == null ? Map.of() : facets;
        }
    }

    /** A published roundup that matched, with the fragments that matched (field → fragments). */
    public record Hit(
            String id,
            String slug,
            String title,
            String summary,
            String author,
            String category,
            List<String> tags,
            Instant publishedAt,
            List<HitProduct> products,
            Map<String, List<String>> highlights) {

        public Hit {
            tags = tags == null ? List.of() : tags;
            products = products == null ? List.of() : products;
            highlights = highlights == null ? Map.of() : highlights;
        }
    }

    /** A product a hit reviews, with its lowest price (null without an offer). */
    public record HitProduct(String id, String name, String kind, Price price) {}

    /** A facet value as editors wrote it and how many matching roundups have it. */
    public record FacetCount(String value, long count) {}

    /** {@code GET /api/search/suggest}. */
    public record Suggestions(List<Suggestion> suggestions) {

        public Suggestions {
            suggestions = suggestions == null ? List.of() : suggestions;
        }
    }

    public record Suggestion(String text, String slug) {}

    /** {@code GET /api/search/related/{id}}. */
    public record Related(List<Hit> hits) {

        public Related {
            hits = hits == null ? List.of() : hits;
        }
    }

    /** {@code GET /api/articles/by-slug/{slug}} as readers get it: the published snapshot with its product cards. */
    public record Article(
            String id,
            String slug,
            String status,
            String title,
            String summary,
            String category,
            List<String> tags,
            Author author,
            String intro,
            List<Entry> entries,
            List<Section> sections,
            Instant publishedAt,
            Instant updatedAt,
            List<Latest> authorLatest) {

        public Article {
            tags = tags == null ? List.of() : tags;
            entries = entries == null ? List.of() : entries;
            sections = sections == null ? List.of() : sections;
            authorLatest = authorLatest == null ? List.of() : authorLatest;
        }
    }

    public record Author(String name, String bio) {}

    public record Section(String heading, String body) {}

    public record Feature(String name, String description) {}

    /** A ranked entry; {@code product} is absent for a product the catalog no longer has. */
    public record Entry(
            int rank, String productId, String heading, String body, List<Feature> features, ProductCard product) {

        public Entry {
            features = features == null ? List.of() : features;
        }
    }

    public record ProductCard(String id, String name, String kind, String brand, List<Offer> offers) {

        public ProductCard {
            offers = offers == null ? List.of() : offers;
        }
    }

    public record Offer(String retailer, String url, Price price) {}

    /** One of the author's other published roundups. */
    public record Latest(String id, String slug, String title, Instant publishedAt) {}

    /** {@code GET /api/articles?…}: one page of published roundups, newest first. */
    public record ArticleList(List<ArticleSummary> items, int page, int size, long totalItems, long totalPages) {

        public ArticleList {
            items = items == null ? List.of() : items;
        }
    }

    public record ArticleSummary(
            String id,
            String slug,
            String title,
            String summary,
            String category,
            List<String> tags,
            Author author,
            Instant publishedAt) {}
}
