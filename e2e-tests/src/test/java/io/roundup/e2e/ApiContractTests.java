package io.roundup.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** How the contract test reads API.md: every promised endpoint once, with the statuses it implies. */
class ApiContractTests {

    private static final Path API_MD = Path.of(System.getProperty("roundup.project-dir", ".."), "docs", "API.md");

    private final Map<String, ApiContract.Endpoint> endpoints =
            ApiContract.read(API_MD).stream().collect(Collectors.toMap(ApiContract.Endpoint::key, Function.identity()));

    @Test
    void readsEveryEndpointOfTheContractSectionsAndNoneOfThePlannedOnes() {
        assertThat(endpoints.keySet())
                .containsExactlyInAnyOrder(
                        "POST /api/auth/token",
                        "POST /api/products",
                        "GET /api/products/{}",
                        "GET /api/products",
                        "PUT /api/products/{}",
                        "DELETE /api/products/{}",
                        "POST /api/articles",
                        "GET /api/articles/{}",
                        "GET /api/articles/by-slug/{}",
                        "GET /api/articles",
                        "PUT /api/articles/{}",
                        "POST /api/articles/{}/publish",
                        "POST /api/articles/{}/unpublish",
                        "DELETE /api/articles/{}",
                        "GET /api/articles/{}/revisions",
                        "GET /api/articles/{}/revisions/{}",
                        "POST /api/articles/{}/revisions/{}/restore",
                        "GET /api/search",
                        "GET /api/search/suggest",
                        "GET /api/search/related/{}",
                        "POST /api/search/reindex");
    }

    @Test
    void takesTheStatusesFromTheLineAndItsSectionsConventions() {
        assertThat(endpoints.get("POST /api/auth/token").statuses()).containsExactly("200", "400", "401");
        assertThat(endpoints.get("POST /api/products").statuses()).containsExactly("201", "400", "401", "403");
        assertThat(endpoints.get("PUT /api/products/{}").statuses()).containsExactly("200", "401", "403", "412", "428");
        assertThat(endpoints.get("PUT /api/products/{}").ifMatchRequired()).isTrue();
        assertThat(endpoints.get("DELETE /api/products/{}").statuses()).containsExactly("204", "401", "403");
        assertThat(endpoints.get("GET /api/articles/by-slug/{}").statuses())
                .as("\"(404 to the public)\" after two endpoints joined by a comma holds for both")
                .containsExactly("200", "404");
        assertThat(endpoints.get("GET /api/articles/{}").statuses()).containsExactly("200", "404");
        assertThat(endpoints.get("GET /api/articles/{}").etag()).isTrue();
        assertThat(endpoints.get("GET /api/articles/{}/revisions").statuses()).containsExactly("200", "401", "403");
        assertThat(endpoints.get("POST /api/articles/{}/revisions/{}/restore").statuses())
                .containsExactly("200", "401", "403", "412", "428");
        assertThat(endpoints.get("POST /api/search/reindex").statuses()).containsExactly("202", "401", "403");
        assertThat(endpoints.get("GET /api/search").statuses()).containsExactly("200", "400");
        assertThat(endpoints.get("GET /api/search/related/{}").statuses())
                .as("the JSON after the arrow is the answer, not a body")
                .containsExactly("200");
        assertThat(endpoints.get("POST /api/auth/token").bearer()).isFalse();
        assertThat(endpoints.get("GET /api/articles/{}/revisions").bearer()).isTrue();
    }

    @Test
    void leavesOutThePlannedSectionEvenWhenItNamesAnEndpointAgain() {
        List<ApiContract.Endpoint> parsed = ApiContract.parse(List.of(
                "## Articles",
                "- `GET /api/articles/{id}` → 200.",
                "## Later",
                "Planned: no issue asks for this yet.",
                "- `GET /api/articles/{id}/search-status` (editors) → the status",
                "## The site (through the gateway, HTML)",
                "- Readers: `GET /reviews/{slug}`"));

        assertThat(parsed).extracting(ApiContract.Endpoint::key).containsExactly("GET /api/articles/{}");
    }
}
