package io.roundup.web.search;

import io.roundup.web.Money;
import io.roundup.web.SafeHtml;
import io.roundup.web.api.ApiModel.FacetCount;
import io.roundup.web.api.ApiModel.Hit;
import io.roundup.web.api.ApiModel.SearchResults;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the search page shows, every link already made: the results, the facets with their counts, the chips of the
 * active filters, the next page and, when nothing matched, the ways out.
 */
record SearchPage(
        SearchState state,
        long total,
        List<Result> results,
        List<FacetGroup> facets,
        List<Chip> chips,
        String clearAllHref,
        List<Link> sorts,
        String moreHref,
        List<Link> suggestions,
        String notice) {

    static final Map<String, String> FACET_LABELS = Map.of(
            "category", "Category", "productKind", "Product kind", "price", "Price", "tag", "Tag", "author", "Author");

    private static final Map<String, String> PRICE_LABELS = Map.of(
            "under-25", "Under 25",
            "25-100", "25 to 100",
            "100-250", "100 to 250",
            "250-500", "250 to 500",
            "500-plus", "500 and more");

    record Result(
            String href,
            String titleHtml,
            String summaryHtml,
            List<String> fragments,
            String author,
            String authorHref,
            String category,
            String categoryHref,
            Instant publishedAt,
            List<ProductLine> products) {}

    record ProductLine(String name, String kind, String price) {}

    /** A facet's values: the most frequent (and every selected one) shown, the rest behind "more". */
    record FacetGroup(String name, String label, List<FacetValue> values, List<FacetValue> more) {

        static final int SHOWN = 8;

        static FacetGroup of(String name, String label, List<FacetValue> all) {
            List<FacetValue> shown = new ArrayList<>();
            List<FacetValue> more = new ArrayList<>();
            for (FacetValue value : all) {
                (shown.size() < SHOWN || value.selected() ? shown : more).add(value);
            }
            return new FacetGroup(name, label, shown, more);
        }
    }

    record FacetValue(String label, long count, boolean selected, String href) {}

    record Chip(String label, String href) {}

    record Link(String label, String href, boolean current) {}

    public boolean empty() {
        return results.isEmpty();
    }

    static SearchPage of(
            SearchState state, SearchResults answer, SafeHtml html, List<String> suggested, String notice) {
        List<Result> results =
                answer.hits().stream().map(hit -> result(hit, html)).toList();
        List<FacetGroup> facets = new ArrayList<>();
        for (String facet : SearchState.FACETS) {
            List<FacetValue> values = new ArrayList<>();
            List<FacetCount> counts = answer.facets().getOrDefault(facet, List.of());
            for (FacetCount count : counts) {
                if (count.count() > 0 || state.isSelected(facet, count.value())) {
                    values.add(new FacetValue(
                            label(facet, count.value()),
                            count.count(),
                            state.isSelected(facet, count.value()),
                            state.toggle(facet, count.value()).url()));
                }
            }
            for (String selected : state.filters().getOrDefault(facet, List.of())) {
                if (counts.stream().noneMatch(c -> c.value().equals(selected))) {
                    values.add(new FacetValue(
                            label(facet, selected),
                            0,
                            true,
                            state.toggle(facet, selected).url()));
                }
            }
            if (!values.isEmpty()) {
                facets.add(FacetGroup.of(facet, FACET_LABELS.get(facet), values));
            }
        }
        List<Chip> chips = new ArrayList<>();
        state.filters()
                .forEach((facet, selected) -> selected.forEach(value -> chips.add(new Chip(
                        FACET_LABELS.get(facet) + ": " + label(facet, value),
                        state.toggle(facet, value).url()))));
        List<Link> sorts = state.hasText()
                ? List.of(
                        new Link("Relevance", state.withSort("relevance").url(), "relevance".equals(state.sort())),
                        new Link("Newest", state.withSort("newest").url(), "newest".equals(state.sort())))
                : List.of();
        String more = answer.nextCursor() == null
                ? null
                : state.withCursor(answer.nextCursor()).url();
        List<Link> ways = new ArrayList<>();
        if (results.isEmpty()) {
            for (String text : suggested) {
                ways.add(new Link(text, state.withoutFilters().withText(text).url(), false));
            }
        }
        return new SearchPage(
                state,
                answer.total(),
                results,
                facets,
                chips,
                state.withoutFilters().url(),
                sorts,
                more,
                ways,
                notice);
    }

    static String label(String facet, String value) {
        return "price".equals(facet) ? PRICE_LABELS.getOrDefault(value, value) : value;
    }

    private static Result result(Hit hit, SafeHtml html) {
        Map<String, List<String>> highlights = hit.highlights();
        String title = first(highlights.get("title"))
                .map(html::highlight)
                .orElseGet(() -> org.springframework.web.util.HtmlUtils.htmlEscape(nullToEmpty(hit.title())));
        String summary = first(highlights.get("summary"))
                .map(html::highlight)
                .orElseGet(() -> org.springframework.web.util.HtmlUtils.htmlEscape(nullToEmpty(hit.summary())));
        List<String> fragments = new ArrayList<>();
        highlights.forEach((field, list) -> {
            if (!field.equals("title") && !field.equals("summary") && list != null) {
                list.stream().limit(2).map(html::highlight).forEach(fragments::add);
            }
        });
        return new Result(
                io.roundup.web.Paths.review(hit.slug()),
                title,
                summary,
                fragments.stream().limit(3).toList(),
                hit.author(),
                hit.author() == null ? null : io.roundup.web.Paths.author(hit.author()),
                hit.category(),
                hit.category() == null ? null : io.roundup.web.Paths.category(hit.category()),
                hit.publishedAt(),
                hit.products().stream()
                        .map(p -> new ProductLine(p.name(), p.kind(), Money.format(p.price())))
                        .toList());
    }

    private static java.util.Optional<String> first(List<String> list) {
        return list == null || list.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(list.getFirst());
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
