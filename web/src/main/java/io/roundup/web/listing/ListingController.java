package io.roundup.web.listing;

import io.roundup.web.NotFound;
import io.roundup.web.Paths;
import io.roundup.web.SiteSettings;
import io.roundup.web.api.ApiModel.ArticleList;
import io.roundup.web.api.ApiModel.ArticleSummary;
import io.roundup.web.api.ApiModel.SearchResults;
import io.roundup.web.api.RoundupApi;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Home, an author's page and a category's page: published roundups newest first, paged with plain links. They read
 * the article list of the API ({@code GET /api/articles?author=|category=}), which lists published ones only.
 */
@Controller
class ListingController {

    private final RoundupApi api;
    private final int pageSize;

    ListingController(RoundupApi api, SiteSettings settings) {
        this.api = api;
        this.pageSize = settings.pageSize();
    }

    @GetMapping("/")
    String home(Model model) {
        MultiValueMap<String, String> latest = new LinkedMultiValueMap<>();
        latest.add("size", "6");
        SearchResults results = api.search(latest);
        model.addAttribute(
                "latest",
                results.hits().stream()
                        .map(h -> new Item(
                                h.title(),
                                Paths.review(h.slug()),
                                h.summary(),
                                h.category(),
                                h.category() == null ? null : Paths.category(h.category()),
                                h.author(),
                                h.author() == null ? null : Paths.author(h.author()),
                                h.publishedAt()))
                        .toList());
        model.addAttribute(
                "categories",
                results.facets().getOrDefault("category", List.of()).stream()
                        .map(c -> new Card(c.value(), Paths.category(c.value()), c.count()))
                        .toList());
        model.addAttribute("canonical", "/");
        return "home";
    }

    @GetMapping("/authors/{name}")
    String author(@PathVariable String name, @RequestParam(defaultValue = "1") String page, Model model) {
        ArticleList list = list(Map.of("author", name), page);
        String bio = list.items().stream()
                .map(ArticleSummary::author)
                .filter(a -> a != null && a.bio() != null)
                .map(a -> a.bio())
                .findFirst()
                .orElse(null);
        model.addAttribute("kind", "author");
        model.addAttribute("name", name);
        model.addAttribute("bio", bio);
        return listing(model, list, Paths.author(name));
    }

    @GetMapping("/categories/{category}")
    String category(@PathVariable String category, @RequestParam(defaultValue = "1") String page, Model model) {
        ArticleList list = list(Map.of("category", category), page);
        model.addAttribute("kind", "category");
        model.addAttribute("name", category);
        return listing(model, list, Paths.category(category));
    }

    private ArticleList list(Map<String, String> filter, String pageParam) {
        int page;
        try {
            page = Math.max(1, Integer.parseInt(pageParam));
        } catch (NumberFormatException ex) {
            throw new NotFound();
        }
        // the API counts pages from 0, readers from 1
        ArticleList list = api.articles(filter, page - 1, pageSize);
        if (list.items().isEmpty()) {
            throw new NotFound();
        }
        return list;
    }

    private String listing(Model model, ArticleList list, String path) {
        int page = list.page() + 1;
        model.addAttribute(
                "items",
                list.items().stream()
                        .map(i -> new Item(
                                i.title(),
                                Paths.review(i.slug()),
                                i.summary(),
                                i.category(),
                                i.category() == null ? null : Paths.category(i.category()),
                                i.author() == null ? null : i.author().name(),
                                i.author() == null
                                        ? null
                                        : Paths.author(i.author().name()),
                                i.publishedAt()))
                        .toList());
        model.addAttribute("total", list.totalItems());
        model.addAttribute("pageNumber", page);
        model.addAttribute("pages", list.totalPages());
        model.addAttribute("previousHref", page > 1 ? pageHref(path, page - 1) : null);
        model.addAttribute("nextHref", page < list.totalPages() ? pageHref(path, page + 1) : null);
        model.addAttribute("canonical", pageHref(path, page));
        model.addAttribute("noindex", false);
        return "listing";
    }

    private static String pageHref(String path, int page) {
        return page == 1
                ? path
                : UriComponentsBuilder.fromPath(path)
                        .queryParam("page", page)
                        .build(true)
                        .toUriString();
    }

    /** A roundup in a list, its links made. */
    record Item(
            String title,
            String href,
            String summary,
            String category,
            String categoryHref,
            String author,
            String authorHref,
            java.time.Instant publishedAt) {}

    /** A link with a count, for the home page's categories. */
    record Card(String label, String href, long count) {}
}
