package io.roundup.web.search;

import io.roundup.web.SafeHtml;
import io.roundup.web.SiteSettings;
import io.roundup.web.api.ApiModel.SearchResults;
import io.roundup.web.api.ApiUnavailable;
import io.roundup.web.api.RoundupApi;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.HttpClientErrorException;

/**
 * {@code /search}: the whole page, or with {@code fragment=results} only the part below the search box, which the
 * page's script swaps in as the reader types. Both are the same template, so a script-less reader and a crawler see
 * exactly what the instant search shows.
 */
@Controller
class SearchController {

    private final RoundupApi api;
    private final SafeHtml html;
    private final int pageSize;

    SearchController(RoundupApi api, SafeHtml html, SiteSettings settings) {
        this.api = api;
        this.html = html;
        this.pageSize = settings.pageSize();
    }

    @GetMapping("/search")
    String search(
            @RequestParam MultiValueMap<String, String> params,
            @RequestParam(required = false) String fragment,
            Model model) {
        SearchState state = SearchState.of(params);
        SearchResults answer;
        String notice = null;
        try {
            answer = api.search(state.apiParams(pageSize));
        } catch (HttpClientErrorException.BadRequest ex) {
            // a stale cursor or a filter value the API does not know: the first page without it is the useful answer
            notice = "Part of this address was not understood, so it shows the first page of the search instead.";
            state = new SearchState(state.q(), Map.of(), state.sort(), null);
            answer = api.search(state.apiParams(pageSize));
        }
        List<String> suggested = answer.total() == 0 && state.hasText() ? suggestions(state.q()) : List.of();
        SearchPage page = SearchPage.of(state, answer, html, suggested, notice);
        model.addAttribute("page", page);
        model.addAttribute("q", state.q());
        model.addAttribute("noindex", state.isFiltered() || state.cursor() != null || !state.hasText());
        model.addAttribute(
                "canonical",
                state.hasText() ? state.withoutFilters().withSort("relevance").url() : "/search");
        return "results".equals(fragment) ? "search :: results" : "search";
    }

    /** Completions of the reader's words, offered when nothing matched; none when suggest cannot say. */
    private List<String> suggestions(String q) {
        try {
            List<String> texts = api.suggest(q).suggestions().stream()
                    .map(s -> s.text())
                    .distinct()
                    .limit(5)
                    .toList();
            if (texts.isEmpty() && q.contains(" ")) {
                texts = api.suggest(q.substring(0, q.indexOf(' '))).suggestions().stream()
                        .map(s -> s.text())
                        .distinct()
                        .limit(5)
                        .toList();
            }
            return texts;
        } catch (ApiUnavailable | HttpClientErrorException ex) {
            return List.of();
        }
    }
}
