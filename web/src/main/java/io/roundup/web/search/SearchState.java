package io.roundup.web.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A search as its URL says it: the text, the ticked facet values, the sort and the page. Every link on the search page
 * is this state with one thing changed, so that the page works as plain links and a copied URL is the same search.
 */
record SearchState(String q, Map<String, List<String>> filters, String sort, String cursor) {

    /** The facets readers filter by, in the order the page shows them, with the parameter each one is sent as. */
    static final List<String> FACETS = List.of("category", "productKind", "price", "tag", "author");

    static SearchState of(MultiValueMap<String, String> params) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        for (String facet : FACETS) {
            List<String> values = params.getOrDefault(facet, List.of()).stream()
                    .filter(v -> v != null && !v.isBlank())
                    .map(String::strip)
                    .distinct()
                    .limit(20)
                    .toList();
            if (!values.isEmpty()) {
                filters.put(facet, values);
            }
        }
        String q = params.getFirst("q");
        String sort = params.getFirst("sort");
        return new SearchState(
                q == null ? "" : q.strip(),
                filters,
                "newest".equals(sort) ? "newest" : "relevance",
                blankToNull(params.getFirst("cursor")));
    }

    public boolean hasText() {
        return !q.isEmpty();
    }

    public boolean isFiltered() {
        return !filters.isEmpty();
    }

    boolean isSelected(String facet, String value) {
        return filters.getOrDefault(facet, List.of()).contains(value);
    }

    /** The effective sort: without text there is nothing to rank by, so the newest come first. */
    String effectiveSort() {
        return hasText() ? sort : "newest";
    }

    /** The parameters for {@code GET /api/search}. */
    MultiValueMap<String, String> apiParams(int size) {
        MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        if (hasText()) {
            params.add("q", q);
            params.add("sort", sort);
        }
        filters.forEach((facet, values) -> values.forEach(v -> params.add(facet, v)));
        params.add("size", Integer.toString(size));
        if (cursor != null) {
            params.add("cursor", cursor);
        }
        return params;
    }

    SearchState toggle(String facet, String value) {
        Map<String, List<String>> changed = copy();
        List<String> values = new ArrayList<>(changed.getOrDefault(facet, List.of()));
        if (!values.remove(value)) {
            values.add(value);
        }
        if (values.isEmpty()) {
            changed.remove(facet);
        } else {
            changed.put(facet, List.copyOf(values));
        }
        return new SearchState(q, changed, sort, null);
    }

    SearchState withoutFilters() {
        return new SearchState(q, Map.of(), sort, null);
    }

    SearchState withoutText() {
        return new SearchState("", filters, sort, null);
    }

    SearchState withText(String text) {
        return new SearchState(text, filters, sort, null);
    }

    SearchState withSort(String newSort) {
        return new SearchState(q, filters, newSort, null);
    }

    SearchState withCursor(String next) {
        return new SearchState(q, filters, sort, next);
    }

    /** This search's address on the site; parameters in a fixed order, so one search has one URL. */
    String url() {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/search");
        List<Object> values = new ArrayList<>();
        if (hasText()) {
            url.queryParam("q", "{v" + values.size() + "}");
            values.add(q);
        }
        filters.forEach((facet, selected) -> selected.forEach(v -> {
            url.queryParam(facet, "{v" + values.size() + "}");
            values.add(v);
        }));
        if (hasText() && "newest".equals(sort)) {
            url.queryParam("sort", "newest");
        }
        if (cursor != null) {
            url.queryParam("cursor", "{v" + values.size() + "}");
            values.add(cursor);
        }
        return url.encode().buildAndExpand(values.toArray()).toUriString();
    }

    private Map<String, List<String>> copy() {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        for (String facet : FACETS) {
            if (filters.containsKey(facet)) {
                copy.put(facet, filters.get(facet));
            }
        }
        return copy;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
