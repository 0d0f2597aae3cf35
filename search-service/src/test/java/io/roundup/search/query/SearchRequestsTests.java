package io.roundup.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.core.search.HighlighterType;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The body a reader's search sends Elasticsearch, pinned for the searches readers make. */
class SearchRequestsTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Jackson3JsonpMapper MAPPER = new Jackson3JsonpMapper();

    @Test
    void withoutTextEveryPublishedReviewComesNewestFirstWithoutHighlights() {
        JsonNode body = body(query(null, SortMode.NEWEST));

        assertThat(body.at("/query"))
                .isEqualTo(json("{'bool':{'filter':[{'term':{'status':{'value':'PUBLISHED'}}}]}}"));
        assertThat(body.at("/sort")).isEqualTo(json("[{'publishedAt':{'order':'desc'}},{'id':{'order':'asc'}}]"));
        assertThat(body.has("highlight")).isFalse();
        assertThat(body.has("search_after")).isFalse();
        assertThat(body.has("pit")).isFalse();
        assertThat(SearchRequests.search(query(null, SortMode.NEWEST), null).index())
                .containsExactly("reviews");
    }

    @Test
    void theFirstPageAsksForAPageAndTheTotalAndOnlyTheFieldsAHitShows() {
        JsonNode body = body(query("trail shoes", SortMode.RELEVANCE));

        assertThat(body.at("/size").asInt()).isEqualTo(10);
        assertThat(body.at("/track_total_hits").asBoolean()).isTrue();
        assertThat(body.at("/_source/includes"))
                .isEqualTo(json("['id','revision','slug','title','summary','author','category','tags','publishedAt',"
                        + "'products']"));
    }

    @Test
    void textMustMatchMostWordsTyposForgivenAndTitlesPhrasesAndSynonymsScoreHigher() {
        JsonNode query = body(query("  trail shoes ", SortMode.RELEVANCE)).at("/query/bool");

        assertThat(query.at("/filter")).isEqualTo(json("[{'term':{'status':{'value':'PUBLISHED'}}}]"));
        assertThat(query.at("/must/0/bool"))
                .isEqualTo(json("{'should':["
                        + "{'match':{'all_text.plain':{'query':'trail shoes','fuzziness':'AUTO',"
                        + "'minimum_should_match':'2<-25%','prefix_length':1}}},"
                        + "{'match':{'all_text':{'query':'trail shoes','minimum_should_match':'2<-25%'}}}],"
                        + "'minimum_should_match':'1'}"));
        JsonNode should = query.at("/should");
        assertThat(should).hasSize(3);
        assertThat(should.at("/0/multi_match"))
                .isEqualTo(json("{'query':'trail shoes','analyzer':'prose','fields':" + textFields()
                        + ",'fuzziness':'AUTO:3,255','prefix_length':1,'tie_breaker':0.3,'type':'best_fields'}"));
        assertThat(should.at("/1/multi_match"))
                .isEqualTo(json("{'query':'trail shoes','fields':" + textFields()
                        + ",'tie_breaker':0.3,'type':'best_fields'}"));
        assertThat(should.at("/2/multi_match"))
                .isEqualTo(json("{'boost':2.0,'query':'trail shoes','fields':['title^3','summary^2','intro',"
                        + "'entries.heading','entries.body','sections.body'],'slop':1,'type':'phrase'}"));
    }

    @Test
    void valuesWithinAFacetAreAlternativesMatchedWhateverTheirCaseAndFacetsCombine() {
        SearchQuery query = new SearchQuery(
                "shoes",
                List.of("Outdoors", "Travel"),
                List.of("Trail"),
                List.of(),
                List.of(),
                List.of(),
                SortMode.RELEVANCE,
                10,
                null);

        assertThat(body(query).at("/post_filter"))
                .isEqualTo(json("{'bool':{'filter':[{'terms':{'category.lc':['outdoors','travel']}},"
                        + "{'terms':{'tags.lc':['trail']}}]}}"));
    }

    @Test
    void eachFacetIsCountedWithEveryFilterButItsOwnSoAReaderCanWidenAChoice() {
        SearchQuery query = new SearchQuery(
                "shoes",
                List.of("Outdoors"),
                List.of("Trail"),
                List.of(),
                List.of(),
                List.of(PriceBand.UNDER_25),
                SortMode.RELEVANCE,
                10,
                null);
        JsonNode aggregations = body(query).at("/aggregations");

        assertThat(aggregations.propertyNames())
                .containsExactlyInAnyOrder("category", "tag", "author", "productKind", "price");
        JsonNode category = json("{'terms':{'category.lc':['outdoors']}}");
        JsonNode tag = json("{'terms':{'tags.lc':['trail']}}");
        JsonNode price = json("{'bool':{'should':[{'range':{'products.lowestPrice.amount':{'lt':25.0}}}],"
                + "'minimum_should_match':'1'}}");
        assertThat(aggregations.at("/category/filter/bool/filter")).containsExactly(tag, price);
        assertThat(aggregations.at("/tag/filter/bool/filter")).containsExactly(category, price);
        assertThat(aggregations.at("/author/filter/bool/filter")).containsExactly(category, tag, price);
        assertThat(aggregations.at("/productKind/filter/bool/filter")).containsExactly(category, tag, price);
        assertThat(aggregations.at("/price/filter/bool/filter")).containsExactly(category, tag);
        assertThat(aggregations.at("/category/aggregations/values"))
                .isEqualTo(json("{'terms':{'field':'category','size':50}}"));
        assertThat(aggregations.at("/tag/aggregations/values/terms/field").asString())
                .isEqualTo("tags");
        assertThat(aggregations.at("/author/aggregations/values/terms/field").asString())
                .isEqualTo("author");
        assertThat(aggregations
                        .at("/productKind/aggregations/values/terms/field")
                        .asString())
                .isEqualTo("products.kind");
    }

    @Test
    void priceBandsFilterByTheLowestPriceOfAnyProductAndAreCountedInTheirOwnOrder() {
        SearchQuery query = new SearchQuery(
                null,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(PriceBand.FROM_25_TO_100, PriceBand.FROM_500),
                SortMode.NEWEST,
                10,
                null);
        JsonNode body = body(query);

        assertThat(body.at("/post_filter"))
                .isEqualTo(json("{'bool':{'filter':[{'bool':{'should':["
                        + "{'range':{'products.lowestPrice.amount':{'gte':25.0,'lt':100.0}}},"
                        + "{'range':{'products.lowestPrice.amount':{'gte':500.0}}}],'minimum_should_match':'1'}}]}}"));
        assertThat(body.at("/aggregations/price"))
                .isEqualTo(json("{'filter':{'bool':{}},'aggregations':{'values':{'range':{"
                        + "'field':'products.lowestPrice.amount','ranges':["
                        + "{'key':'under-25','to':25.0},"
                        + "{'from':25.0,'key':'25-100','to':100.0},"
                        + "{'from':100.0,'key':'100-250','to':250.0},"
                        + "{'from':250.0,'key':'250-500','to':500.0},"
                        + "{'from':500.0,'key':'500-plus'}]}}}}"));
    }

    @Test
    void withoutFiltersNothingIsFilteredOut() {
        JsonNode body = body(query("shoes", SortMode.RELEVANCE));

        assertThat(body.at("/post_filter")).isEqualTo(json("{'bool':{}}"));
        for (String facet : List.of("category", "tag", "author", "productKind", "price")) {
            assertThat(body.at("/aggregations/" + facet + "/filter")).isEqualTo(json("{'bool':{}}"));
        }
    }

    @Test
    void theReadersWordsAreHighlightedAsWrittenOrOneEditAwayNotByTheFuzzierSearch() {
        JsonNode highlight = body(query("trail shoes", SortMode.RELEVANCE)).at("/highlight");

        assertThat(highlight.at("/type").asString())
                .as("from the term vectors, fuzzy words expanded once per search")
                .isEqualTo("fvh");
        assertThat(highlight.at("/encoder").asString()).isEqualTo("html");
        assertThat(highlight.at("/pre_tags")).isEqualTo(json("['<em>']"));
        assertThat(highlight.at("/post_tags")).isEqualTo(json("['</em>']"));
        assertThat(highlight.at("/highlight_query"))
                .as("looked up once in the copy of every highlighted field")
                .isEqualTo(json("{'bool':{'should':["
                        + "{'match':{'all_text':{'query':'trail shoes','analyzer':'prose',"
                        + "'fuzziness':'AUTO:3,255','prefix_length':1}}},"
                        + "{'match':{'all_text':{'query':'trail shoes'}}}]}}"));
        assertThat(highlight.at("/require_field_match").asBoolean(true))
                .as("and highlighted in whichever field they occur")
                .isFalse();
        JsonNode highlighted = highlight.at("/fields");
        assertThat(highlighted).hasSize(10);
        assertThat(highlighted.get(0)).isEqualTo(json("{'title':{'number_of_fragments':0}}"));
        assertThat(highlighted.get(1)).isEqualTo(json("{'summary':{'number_of_fragments':0}}"));
        assertThat(highlighted.get(5))
                .isEqualTo(json("{'entries.body':{'fragment_size':160,'number_of_fragments':3}}"));
    }

    @Test
    void anIndexWithoutTermVectorsIsHighlightedByTheUnifiedHighlighterWithTheSameQuery() {
        SearchQuery query = query("trail shoes", SortMode.RELEVANCE);
        JsonNode fast = body(SearchRequests.search(query, null)).at("/highlight");
        JsonNode unified = body(SearchRequests.search(query, null, HighlighterType.Unified))
                .at("/highlight");

        assertThat(unified.at("/type").asString()).isEqualTo("unified");
        assertThat(unified.at("/highlight_query")).isEqualTo(fast.at("/highlight_query"));
        assertThat(unified.at("/fields")).isEqualTo(fast.at("/fields"));
    }

    @Test
    void aRelevanceCursorSortsByScoreThenNewestThenIdAndStartsAfterItsValues() {
        Cursor cursor = new Cursor(SortMode.RELEVANCE, List.of(1.5, 1700000000000L, "id-9"));
        SearchQuery query = new SearchQuery(
                "shoes", List.of(), List.of(), List.of(), List.of(), List.of(), SortMode.RELEVANCE, 10, cursor);
        JsonNode body = body(query);

        assertThat(body.at("/sort"))
                .isEqualTo(
                        json("[{'_score':{'order':'desc'}},{'publishedAt':{'order':'desc'}},{'id':{'order':'asc'}}]"));
        assertThat(body.at("/search_after")).isEqualTo(json("[1.5,1700000000000,'id-9']"));
        assertThat(SearchRequests.cursorValues(SearchRequests.searchAfter(cursor)))
                .isEqualTo(cursor.after());
    }

    @Test
    void theFirstPageGoesByItsExactTotalALaterOneByAnExtraHit() {
        SearchQuery first = query("shoes", SortMode.NEWEST);
        SearchQuery later = new SearchQuery(
                null,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                SortMode.NEWEST,
                10,
                new Cursor(SortMode.NEWEST, List.of(1700000000000L, "id-9")));

        assertThat(SearchRequests.morePages(first, 10, 11)).isTrue();
        assertThat(SearchRequests.morePages(first, 10, 10)).isFalse();
        assertThat(SearchRequests.morePages(first, 3, 3)).isFalse();
        assertThat(body(later).at("/size").asInt())
                .as("the total counts what was published or unpublished since the first page")
                .isEqualTo(11);
        assertThat(SearchRequests.morePages(later, 11, 11)).isTrue();
        assertThat(SearchRequests.morePages(later, 10, 500)).isFalse();
    }

    @Test
    void aNewestCursorStartsAfterItsDateAndId() {
        Cursor cursor = new Cursor(SortMode.NEWEST, List.of(1700000000000L, "id-9"));
        SearchQuery query = new SearchQuery(
                null, List.of(), List.of(), List.of(), List.of(), List.of(), SortMode.NEWEST, 10, cursor);

        assertThat(body(query).at("/search_after")).isEqualTo(json("[1700000000000,'id-9']"));
    }

    @Test
    void aPageOfAPointInTimeIsReadFromItNotFromTheIndex() {
        var request = SearchRequests.search(query("shoes", SortMode.RELEVANCE), "pit-1");

        assertThat(request.index()).isEmpty();
        assertThat(body(request).at("/pit")).isEqualTo(json("{'id':'pit-1','keep_alive':'2m'}"));
    }

    private static SearchQuery query(String text, SortMode sort) {
        return new SearchQuery(text, List.of(), List.of(), List.of(), List.of(), List.of(), sort, 10, null);
    }

    private static JsonNode body(SearchQuery query) {
        return body(SearchRequests.search(query, null));
    }

    static JsonNode body(Object request) {
        return JSON.readTree(JsonpUtils.toJsonString(request, MAPPER));
    }

    /** JSON written with single quotes, for legibility. */
    static JsonNode json(String text) {
        return JSON.readTree(text.replace('\'', '"'));
    }

    private static String textFields() {
        return "['title^3','products.name^3','summary^2','entries.heading^2','intro','entries.body',"
                + "'entries.features.name','entries.features.description','sections.heading','sections.body',"
                + "'author.text']";
    }
}
