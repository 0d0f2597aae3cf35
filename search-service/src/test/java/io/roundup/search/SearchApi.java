package io.roundup.search;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.List;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The search API as a reader calls it, answers parsed as JSON trees. */
final class SearchApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MockMvc mvc;

    SearchApi(MockMvc mvc) {
        this.mvc = mvc;
    }

    /** {@code GET /api/search} with parameters given as name, value, name, value… */
    JsonNode search(String... params) {
        return ok(get("/api/search"), params);
    }

    JsonNode suggest(String prefix) {
        return ok(get("/api/search/suggest"), "q", prefix);
    }

    MockHttpServletResponse related(String articleId) {
        try {
            return mvc.perform(get("/api/search/related/{id}", articleId))
                    .andReturn()
                    .getResponse();
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    static JsonNode json(MockHttpServletResponse response) {
        try {
            return JSON.readTree(response.getContentAsString());
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** The ids of the hits, in order. */
    static List<String> ids(JsonNode results) {
        List<String> ids = new ArrayList<>();
        results.path("hits").forEach(hit -> ids.add(hit.path("id").asString()));
        return ids;
    }

    /** The price amount of the first hit's first product, or "" when there is none. */
    static String firstPrice(JsonNode results) {
        return results.path("hits")
                .path(0)
                .path("products")
                .path(0)
                .path("price")
                .path("amount")
                .asString();
    }

    /** {@code count} of a facet value, or 0 when the facet does not list it. */
    static long facet(JsonNode results, String facet, String value) {
        for (JsonNode bucket : results.path("facets").path(facet)) {
            if (bucket.path("value").asString().equals(value)) {
                return bucket.path("count").asLong();
            }
        }
        return 0;
    }

    private JsonNode ok(MockHttpServletRequestBuilder request, String... params) {
        for (int i = 0; i < params.length; i += 2) {
            request.queryParam(params[i], params[i + 1]);
        }
        try {
            MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
            if (response.getStatus() != 200) {
                throw new AssertionError(
                        "Expected 200 but got " + response.getStatus() + ": " + response.getContentAsString());
            }
            return json(response);
        } catch (AssertionError ex) {
            throw ex;
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }
}
