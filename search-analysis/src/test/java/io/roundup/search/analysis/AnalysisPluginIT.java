package io.roundup.search.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.roundup.devservices.DevServices;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The plugin zip installed into a real Elasticsearch node (the build hands its path to dev-services), used the way
 * the search service uses it: folding and stemming at index and search time, synonyms at search time only.
 */
class AnalysisPluginIT {

    private static final String INDEX = """
            {
              "settings": {
                "analysis": {
                  "filter": {
                    "gear_synonyms": { "type": "roundup_synonyms", "rules": ["headset, headphones", "tv => television"] }
                  },
                  "analyzer": {
                    "english": {
                      "tokenizer": "standard",
                      "filter": ["lowercase", "roundup_possessive", "roundup_folding", "roundup_stem"]
                    },
                    "english_search": {
                      "tokenizer": "standard",
                      "filter": ["lowercase", "roundup_possessive", "roundup_folding", "gear_synonyms", "roundup_stem"]
                    }
                  }
                }
              },
              "mappings": {
                "properties": {
                  "title": { "type": "text", "analyzer": "english", "search_analyzer": "english_search" }
                }
              }
            }
            """;

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static String elasticsearch;

    @BeforeAll
    static void createIndexWithTwoDocuments() throws Exception {
        elasticsearch = DevServices.elasticsearch().httpUri();
        assertThat(send("PUT", "/reviews", INDEX).statusCode()).isEqualTo(200);
        send("PUT", "/reviews/_doc/1", """
                { "title": "Crème Brûlée Torches" }""");
        send("PUT", "/reviews/_doc/2?refresh=true", """
                { "title": "Mara's Wireless Headphones" }""");
    }

    @Test
    void theIndexAnalyzerFoldsAndStems() throws Exception {
        JsonNode result = json(send("POST", "/reviews/_analyze", """
                { "analyzer": "english", "text": "Running Crème Brûlée Headphones" }"""));

        assertThat(result.get("tokens").findValuesAsString("token"))
                .containsExactly("running", "creme", "brulee", "headphone");
    }

    @Test
    void unaccentedSingularWordsFindAccentedPlurals() throws Exception {
        assertThat(titlesMatching("creme brulee torch")).containsExactly("Crème Brûlée Torches");
    }

    @Test
    void aSynonymFindsItsEquivalent() throws Exception {
        assertThat(titlesMatching("headset")).containsExactly("Mara's Wireless Headphones");
    }

    @Test
    void aNameFindsItsPossessive() throws Exception {
        assertThat(titlesMatching("mara")).containsExactly("Mara's Wireless Headphones");
    }

    /** The search service turns this answer into a 400 for the editor who wrote the rule. */
    @Test
    void anInvalidSynonymRuleFailsIndexCreation() throws Exception {
        HttpResponse<String> response = send("PUT", "/broken", """
                { "settings": { "analysis": { "filter": {
                    "bad": { "type": "roundup_synonyms", "rules": ["a => "] } } } } }""");

        assertThat(response.statusCode()).isEqualTo(500);
        JsonNode error = JSON.readTree(response.body()).get("error");
        assertThat(error.get("type").asString()).isEqualTo("illegal_state_exception");
        assertThat(error.findValuesAsString("reason"))
                .contains(
                        "roundup_synonyms: Invalid synonym rule at line 1: term:  was completely eliminated by analyzer");
    }

    /** The search service checks an editor's rules this way before it builds an index with them. */
    @Test
    void anInvalidSynonymRuleIsABadAnalyzeRequest() throws Exception {
        HttpResponse<String> response = send("POST", "/_analyze", """
                { "tokenizer": "standard", "filter": [{ "type": "roundup_synonyms", "rules": ["=>"] }], "text": "x" }""");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("error").findValuesAsString("reason"))
                .contains(
                        "roundup_synonyms: Invalid synonym rule at line 1: term: => was completely eliminated by analyzer");
    }

    private static List<String> titlesMatching(String query) throws IOException, InterruptedException {
        JsonNode result = json(send("POST", "/reviews/_search", """
                { "query": { "match": { "title": { "query": "%s", "operator": "and" } } } }""".formatted(query)));
        return result.get("hits").get("hits").findValuesAsString("title");
    }

    private static HttpResponse<String> send(String method, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(elasticsearch + path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isLessThan(500);
        return JSON.readTree(response.body());
    }
}
