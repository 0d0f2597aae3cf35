package io.roundup.search.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.roundup.search.query.SearchResults.FacetCount;
import io.roundup.search.query.SearchResults.Hit;
import io.roundup.search.query.SearchResults.Price;
import io.roundup.search.query.SearchResults.Product;
import io.roundup.support.security.ApiSecurityAutoConfiguration;
import io.roundup.support.web.WebSupportAutoConfiguration;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(SearchController.class)
@ImportAutoConfiguration({ApiSecurityAutoConfiguration.class, WebSupportAutoConfiguration.class})
class SearchControllerTests {

    private static final Hit HIT = new Hit(
            "6650f1c2a1b2c3d4e5f60718",
            "best-trail-shoes",
            "The best trail shoes",
            "Six pairs tested on mud and rock",
            "Mara Quinn",
            "Outdoors",
            List.of("running", "Trail"),
            Instant.parse("2026-11-20T09:15:00Z"),
            List.of(new Product("p1", "Ridgeline 4", "gear", new Price("129.00", "USD"))),
            Map.of("body", List.of("grips on <em>mud</em>")));

    @Autowired
    MockMvc mvc;

    @MockitoBean
    PagedSearch search;

    @MockitoBean
    SuggestionSearch suggestions;

    @MockitoBean
    RelatedSearch related;

    @Test
    void aSearchAnswersHitsFacetsAndTheNextCursor() throws Exception {
        Map<String, List<FacetCount>> facets = new LinkedHashMap<>();
        facets.put("category", List.of(new FacetCount("Outdoors", 3)));
        facets.put("tag", List.of(new FacetCount("Trail", 2), new FacetCount("running", 1)));
        facets.put("author", List.of(new FacetCount("Mara Quinn", 3)));
        facets.put("productKind", List.of(new FacetCount("gear", 3)));
        given(search.search(any())).willReturn(new SearchResults(3, List.of(HIT), facets, "abc"));

        mvc.perform(get("/api/search").param("q", "mud").param("size", "1"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.nextCursor").value("abc"))
                .andExpect(jsonPath("$.hits[0].id").value(HIT.id()))
                .andExpect(jsonPath("$.hits[0].slug").value("best-trail-shoes"))
                .andExpect(jsonPath("$.hits[0].title").value("The best trail shoes"))
                .andExpect(jsonPath("$.hits[0].summary").value("Six pairs tested on mud and rock"))
                .andExpect(jsonPath("$.hits[0].author").value("Mara Quinn"))
                .andExpect(jsonPath("$.hits[0].category").value("Outdoors"))
                .andExpect(jsonPath("$.hits[0].tags[1]").value("Trail"))
                .andExpect(jsonPath("$.hits[0].publishedAt").value("2026-11-20T09:15:00Z"))
                .andExpect(jsonPath("$.hits[0].products[0].id").value("p1"))
                .andExpect(jsonPath("$.hits[0].products[0].name").value("Ridgeline 4"))
                .andExpect(jsonPath("$.hits[0].products[0].kind").value("gear"))
                .andExpect(jsonPath("$.hits[0].products[0].price.amount").value("129.00"))
                .andExpect(jsonPath("$.hits[0].products[0].price.currency").value("USD"))
                .andExpect(jsonPath("$.hits[0].highlights.body[0]").value("grips on <em>mud</em>"))
                .andExpect(jsonPath("$.facets.category[0].value").value("Outdoors"))
                .andExpect(jsonPath("$.facets.category[0].count").value(3))
                .andExpect(jsonPath("$.facets.tag[0].value").value("Trail"))
                .andExpect(jsonPath("$.facets.author[0].value").value("Mara Quinn"))
                .andExpect(jsonPath("$.facets.productKind[0].value").value("gear"));
    }

    @Test
    void theLastPageHasNoNextCursor() throws Exception {
        given(search.search(any())).willReturn(new SearchResults(1, List.of(HIT), Map.of(), null));

        mvc.perform(get("/api/search")).andExpect(status().isOk()).andExpect(jsonPath("$", not(hasKey("nextCursor"))));
    }

    @Test
    void filtersAreRepeatableAndBlankValuesAreIgnored() throws Exception {
        given(search.search(any())).willReturn(new SearchResults(0, List.of(), Map.of(), null));

        mvc.perform(get("/api/search")
                        .param("q", "shoes")
                        .param("category", "Outdoors", " ", "Travel")
                        .param("tag", "Trail")
                        .param("author", "Mara Quinn")
                        .param("productKind", "gear")
                        .param("price", "25-100", "500-PLUS")
                        .param("sort", "newest")
                        .param("size", "25"))
                .andExpect(status().isOk());

        ArgumentCaptor<SearchQuery> query = ArgumentCaptor.forClass(SearchQuery.class);
        verify(search).search(query.capture());
        assertThat(query.getValue())
                .isEqualTo(new SearchQuery(
                        "shoes",
                        List.of("Outdoors", "Travel"),
                        List.of("Trail"),
                        List.of("Mara Quinn"),
                        List.of("gear"),
                        List.of(PriceBand.FROM_25_TO_100, PriceBand.FROM_500),
                        SortMode.NEWEST,
                        25,
                        null));
    }

    @Test
    void anUnknownPriceBandIsA400NamingTheBands() throws Exception {
        mvc.perform(get("/api/search").param("q", "shoes").param("price", "cheap"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.price[0]")
                        .value("must be one of under-25, 25-100, 100-250, 250-500, 500-plus"));
        verifyNoInteractions(search);
    }

    @Test
    void withoutTextTheNewestComeFirstAndTheDefaultPageHoldsTen() throws Exception {
        given(search.search(any())).willReturn(new SearchResults(0, List.of(), Map.of(), null));

        mvc.perform(get("/api/search").param("q", "  ").param("sort", "relevance"))
                .andExpect(status().isOk());

        ArgumentCaptor<SearchQuery> query = ArgumentCaptor.forClass(SearchQuery.class);
        verify(search).search(query.capture());
        assertThat(query.getValue().sort()).isEqualTo(SortMode.NEWEST);
        assertThat(query.getValue().size()).isEqualTo(10);
    }

    @Test
    void withTextRelevanceIsTheDefault() throws Exception {
        given(search.search(any())).willReturn(new SearchResults(0, List.of(), Map.of(), null));

        mvc.perform(get("/api/search").param("q", "shoes")).andExpect(status().isOk());

        ArgumentCaptor<SearchQuery> query = ArgumentCaptor.forClass(SearchQuery.class);
        verify(search).search(query.capture());
        assertThat(query.getValue().sort()).isEqualTo(SortMode.RELEVANCE);
    }

    @Test
    void aCursorCarriesTheSearchOn() throws Exception {
        given(search.search(any())).willReturn(new SearchResults(0, List.of(), Map.of(), null));
        String cursor = new Cursor(SortMode.RELEVANCE, List.of(1.5, 1700000000000L, "id-9")).encode();

        mvc.perform(get("/api/search").param("q", "shoes").param("cursor", cursor))
                .andExpect(status().isOk());

        ArgumentCaptor<SearchQuery> query = ArgumentCaptor.forClass(SearchQuery.class);
        verify(search).search(query.capture());
        assertThat(query.getValue().cursor())
                .isEqualTo(new Cursor(SortMode.RELEVANCE, List.of(1.5, 1700000000000L, "id-9")));
    }

    @Test
    void aPageSizeOutsideOneToAHundredIsAProblem() throws Exception {
        for (String size : List.of("0", "101", "-3")) {
            mvc.perform(get("/api/search").param("size", size))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.status").value(400))
                    .andExpect(jsonPath("$.errors.size[0]").value("must be between 1 and 100"));
        }
        mvc.perform(get("/api/search").param("size", "ten"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        verifyNoInteractions(search);
    }

    @Test
    void anUnknownSortIsAProblem() throws Exception {
        mvc.perform(get("/api/search").param("q", "x").param("sort", "price"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.sort[0]").value("must be relevance or newest"));
        verifyNoInteractions(search);
    }

    @Test
    void aTamperedCursorIsAProblem() throws Exception {
        String good = new Cursor(SortMode.NEWEST, List.of(1700000000000L, "id-9")).encode();
        for (String cursor : List.of("not-a-cursor", "e30", good.substring(0, good.length() - 3), "%%%")) {
            mvc.perform(get("/api/search").param("cursor", cursor))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors.cursor").isArray());
        }
        verifyNoInteractions(search);
    }

    @Test
    void aCursorOfAnotherOrderingIsAProblem() throws Exception {
        String newest = new Cursor(SortMode.NEWEST, List.of(1700000000000L, "id-9")).encode();

        mvc.perform(get("/api/search").param("q", "shoes").param("cursor", newest))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.cursor").isArray());
        verifyNoInteractions(search);
    }

    @Test
    void suggestionsNameTheArticleAndItsSlug() throws Exception {
        given(suggestions.suggest("tra"))
                .willReturn(new Suggestions(
                        List.of(new Suggestions.Suggestion("The best trail shoes", "best-trail-shoes"))));

        mvc.perform(get("/api/search/suggest").param("q", "tra"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.suggestions[0].text").value("The best trail shoes"))
                .andExpect(jsonPath("$.suggestions[0].slug").value("best-trail-shoes"));
    }

    @Test
    void relatedReviewsAreHits() throws Exception {
        given(related.related("a1")).willReturn(new RelatedReviews(List.of(HIT)));

        mvc.perform(get("/api/search/related/a1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.hits[0].slug").value("best-trail-shoes"));
    }

    @Test
    void relatedToAnUnknownArticleIsA404Problem() throws Exception {
        given(related.related("nope")).willThrow(new ArticleNotFound("nope"));

        mvc.perform(get("/api/search/related/nope"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404));
    }

    @Test
    void whenElasticsearchIsAwayTheAnswerIsA503ProblemSayingWhenToRetry() throws Exception {
        given(search.search(any()))
                .willThrow(new SearchUnavailable(
                        "down", new java.io.IOException("refused"), java.time.Duration.ofMillis(4500)));

        mvc.perform(get("/api/search").param("q", "x"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(jsonPath("$.detail").value("Search is unavailable for a moment; please try again shortly."));
    }

    @Test
    void searchIsReadOnly() throws Exception {
        mvc.perform(post("/api/search")).andExpect(status().isUnauthorized());
    }

    @Test
    void controlCharactersAndBrokenEncodingNeverReachElasticsearch() throws Exception {
        for (String target : List.of(
                "/api/search?q=a%00b",
                "/api/search?q=%FF",
                "/api/search?tag=%1F",
                "/api/search?cursor=%00abc",
                "/api/search/suggest?q=%1E",
                "/api/search/suggest?q=%ED%A0%80")) {
            mvc.perform(get(URI.create(target)))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors").isMap());
        }
        mvc.perform(get(URI.create("/api/search/related/a%01b")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.articleId[0]").value("must not contain control characters"));
        verifyNoInteractions(search);
    }

    @Test
    void aSingleValuedParameterGivenTwiceIsA400WhileFiltersRepeat() throws Exception {
        for (String name : List.of("q", "sort", "size", "cursor")) {
            mvc.perform(get(URI.create("/api/search?" + name + "=1&" + name + "=2")))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors." + name + "[0]").value("must be given at most once"));
        }
        mvc.perform(get(URI.create("/api/search/suggest?q=a&q=b")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.q[0]").value("must be given at most once"));
        verifyNoInteractions(search);
    }

    @Test
    void aFilterTakesAtMostTwentyValues() throws Exception {
        StringBuilder query = new StringBuilder("/api/search?q=x");
        for (int i = 0; i <= SearchController.MAX_VALUES; i++) {
            query.append("&tag=t").append(i);
        }
        mvc.perform(get(URI.create(query.toString())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.tag[0]").value("must be given at most 20 times"));
        mvc.perform(get(URI.create("/api/search?size=abc")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.size[0]").value("must be a whole number"));
        verifyNoInteractions(search);
    }
}
