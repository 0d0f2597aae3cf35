package io.roundup.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every page read as a crawler or a reader without JavaScript reads it: plain GETs through the gateway, no script
 * run. Each page must carry its whole content, its head (title, description, canonical, Open Graph) and the site's
 * security and caching headers.
 */
@ExtendWith(SharedRoundup.class)
class SiteWithoutJavaScriptIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ESPRESSO = "best-espresso-grinders-for-a-home-cafe";

    private static SitePages site;

    @BeforeAll
    static void connect(LaunchedRoundup roundup) {
        site = new SitePages(roundup);
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> site.get("/reviews/" + ESPRESSO).statusCode() == 200);
    }

    @Test
    void theHomePageListsTheLatestRoundupsAndHasASearchBox() {
        Document home = site.page("/");

        assertThat(home.select("form[role=search][action=/search] input[name=q]"))
                .hasSize(1);
        assertThat(home.select("label[for=q]").text()).isNotBlank();
        assertThat(home.select(".latest .card-title a").eachText()).contains("Best Espresso Grinders for a Home Café");
        assertHead(home, "/");
    }

    @Test
    void theSearchPageIsRenderedOnTheServerWithResultsFacetsAndHighlights() {
        Document page = site.page("/search?q=espresso");

        assertThat(page.select("#results .results > li .result-title a").eachText())
                .contains("Best Espresso Grinders for a Home Café");
        assertThat(page.select("#results mark").eachText())
                .as("the API's highlights, shown as <mark>")
                .anyMatch(text -> text.equalsIgnoreCase("espresso"));
        assertThat(page.select("#results .facet[data-facet=category] .facet-value .facet-label")
                        .eachText())
                .contains("Kitchen");
        assertThat(page.select("#result-count strong").text()).matches("\\d+");
        assertThat(page.select("meta[name=robots]"))
                .as("an unfiltered search may be indexed")
                .isEmpty();
        assertHead(page, "/search?q=espresso");

        Document filtered = site.page("/search?q=espresso&category=Kitchen");
        assertThat(filtered.select("meta[name=robots]").attr("content")).contains("noindex");
        assertThat(filtered.select(".chip-list .chip").eachText()).anyMatch(chip -> chip.contains("Category: Kitchen"));
        assertThat(filtered.select("a.clear-all").attr("href")).isEqualTo("/search?q=espresso");
    }

    @Test
    void nothingFoundOffersAWayOut() {
        Document page = site.page("/search?q=espresso&category=Film");

        assertThat(page.select(".no-results h2").text()).isEqualTo("No roundups match");
        assertThat(page.select(".no-results .chip").eachAttr("href")).contains("/search?q=espresso");
    }

    @Test
    void moreResultsArePlainLinksThatReachTheEndWithoutADuplicate() {
        Document page = site.page("/search");
        long total = Long.parseLong(page.select("#result-count strong").text());
        List<String> seen = new java.util.ArrayList<>(
                page.select(".results .result-title a").eachAttr("href"));
        Element more = page.selectFirst("a[data-more]");
        assertThat(more)
                .as("six demo roundups span more than one page at the tests' page size")
                .isNotNull();
        while (more != null) {
            page = site.page(more.attr("href"));
            seen.addAll(page.select(".results .result-title a").eachAttr("href"));
            more = page.selectFirst("a[data-more]");
        }
        assertThat(seen).doesNotHaveDuplicates().hasSize((int) total);
    }

    @Test
    void aRoundupPageShowsEveryRankedEntryWithItsFeaturesAndOffers() throws Exception {
        JsonNode article = site.article(ESPRESSO);
        Document page = site.page("/reviews/" + ESPRESSO);

        assertThat(page.select("h1").text()).isEqualTo(article.get("title").asString());
        assertThat(page.select(".byline").text())
                .contains(article.get("author").get("name").asString());
        List<Element> entries = page.select("section.entry");
        assertThat(entries).hasSize(article.get("entries").size());
        for (Element entry : entries) {
            assertThat(entry.select(".product-name").text()).isNotBlank();
            assertThat(entry.select("table.features tr")).isNotEmpty();
            assertThat(entry.select(".offer-price").text()).matches(".*\\d+\\.\\d{2}.*");
            assertThat(entry.select("a.button-buy").eachAttr("rel")).allMatch("sponsored nofollow noopener"::equals);
            assertThat(entry.select(".prose").text()).isNotBlank();
        }
        assertThat(page.select(".section h2").eachText()).isNotEmpty();
        assertThat(page.select(".author-box").text())
                .contains(article.get("author").get("name").asString());
        assertHead(page, "/reviews/" + ESPRESSO);
        assertThat(page.select("meta[property=og:type]").attr("content")).isEqualTo("article");

        Element data = page.selectFirst("script[type=application/ld+json]");
        assertThat(data).isNotNull();
        JsonNode ld = JSON.readTree(data.data());
        assertThat(ld.get("@type").asString()).isEqualTo("ItemList");
        assertThat(ld.get("itemListElement").size()).isEqualTo(entries.size());
        JsonNode first = ld.get("itemListElement").get(0).get("item");
        assertThat(first.get("@type").asString()).isEqualTo("Product");
        assertThat(first.get("review").get("@type").asString()).isEqualTo("Review");
        assertThat(first.get("offers").get(0).get("@type").asString()).isEqualTo("Offer");
    }

    @Test
    void authorAndCategoryPagesListTheirRoundupsNewestFirst() {
        JsonNode article = site.article(ESPRESSO);
        String author = article.get("author").get("name").asString();

        Document byAuthor = site.page(T.author(author));
        assertThat(byAuthor.select("h1").text()).isEqualTo(author);
        assertThat(byAuthor.select(".results .result-title a").eachText())
                .contains(article.get("title").asString());

        Document category = site.page("/categories/Kitchen");
        assertThat(category.select("h1").text()).isEqualTo("Kitchen");
        assertThat(category.select(".results .result-title a").eachText())
                .contains(article.get("title").asString());

        assertThat(site.get("/categories/No-such-category").statusCode()).isEqualTo(404);
    }

    @Test
    void anUnknownRoundupIsARealNotFoundPage() {
        HttpResponse<String> answer = site.get("/reviews/no-such-roundup-anywhere");

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(answer.body()).contains("Page not found").doesNotContain("problem");
    }

    @Test
    void crawlersGetASitemapOfPublishedRoundupsAndRobotsTxt() {
        HttpResponse<String> sitemap = site.get("/sitemap.xml");
        assertThat(sitemap.statusCode()).isEqualTo(200);
        assertThat(sitemap.headers().firstValue("Content-Type").orElse("")).contains("xml");
        assertThat(sitemap.body()).contains("/reviews/" + ESPRESSO + "</loc>");

        HttpResponse<String> robots = site.get("/robots.txt");
        assertThat(robots.statusCode()).isEqualTo(200);
        assertThat(robots.body()).contains("Sitemap: ").contains("/sitemap.xml");
    }

    @Test
    void pagesCarryAStrictPolicyAndAreNeverCachedPastAPublish() {
        for (String path : List.of("/", "/search?q=espresso", "/reviews/" + ESPRESSO, "/categories/Kitchen")) {
            HttpResponse<String> answer = site.get(path);
            String policy =
                    answer.headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(policy)
                    .as(path)
                    .contains("default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'")
                    .doesNotContain("unsafe-inline", "unsafe-eval");
            assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(answer.headers().firstValue("Referrer-Policy")).isPresent();
            assertThat(answer.headers().firstValue("Cache-Control")).hasValue("no-cache");

            Document page = org.jsoup.Jsoup.parse(answer.body());
            assertThat(page.select("script:not([src])").eachAttr("type"))
                    .as("inline scripts on " + path + " (only data blocks)")
                    .allMatch("application/ld+json"::equals);
            assertThat(page.select("style"))
                    .as("inline style elements on " + path)
                    .isEmpty();
            assertThat(page.select("[style]")).as("style attributes on " + path).isEmpty();
        }
    }

    @Test
    void assetsHaveFingerprintedNamesAndACacheOfAYear() {
        Document home = site.page("/");
        String css = home.select("link[rel=stylesheet]").attr("href");
        String js = home.select("script[type=module]").attr("src");
        assertThat(css).matches("/assets/site-[0-9a-f]{32}\\.css");
        assertThat(js).matches("/assets/search-[0-9a-f]{32}\\.js");
        for (String asset : List.of(css, js)) {
            HttpResponse<String> answer = site.get(asset);
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.headers().firstValue("Cache-Control").orElse("")).contains("max-age=31536000");
        }
    }

    private static void assertHead(Document page, String path) {
        assertThat(page.title()).isNotBlank();
        assertThat(page.select("meta[name=description]").attr("content")).isNotBlank();
        assertThat(page.select("link[rel=canonical]").attr("href"))
                .startsWith("http")
                .contains(path.replace("?q=espresso", ""));
        assertThat(page.select("meta[property=og:title]").attr("content")).isNotBlank();
        assertThat(page.select("meta[property=og:url]").attr("content")).startsWith("http");
        assertThat(page.select("main#main")).hasSize(1);
        assertThat(page.select("a.skip-link[href=#main]")).hasSize(1);
    }

    /** Site addresses as the pages write them. */
    private static final class T {
        static String author(String name) {
            return "/authors/"
                    + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8)
                            .replace("+", "%20");
        }
    }
}
