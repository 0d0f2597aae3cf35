package io.roundup.web.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

class SearchStateTests {

    @Test
    void oneSearchHasOneAddressWhateverOrderItCameIn() {
        SearchState state = of("tag", "travel", "category", "Audio", "q", "anc", "category", "Film");

        assertThat(state.url()).isEqualTo("/search?q=anc&category=Audio&category=Film&tag=travel");
    }

    @Test
    void tickingAValueAddsItAndTickingItAgainRemovesIt() {
        SearchState state = of("q", "anc", "category", "Audio");

        assertThat(state.toggle("category", "Film").url()).isEqualTo("/search?q=anc&category=Audio&category=Film");
        assertThat(state.toggle("category", "Audio").url()).isEqualTo("/search?q=anc");
        assertThat(state.withoutFilters().url()).isEqualTo("/search?q=anc");
    }

    @Test
    void aChangedSearchStartsAtItsFirstPage() {
        SearchState paged = of("q", "anc", "cursor", "abc");

        assertThat(paged.url()).isEqualTo("/search?q=anc&cursor=abc");
        assertThat(paged.toggle("tag", "x").cursor()).isNull();
        assertThat(paged.withSort("newest").url()).isEqualTo("/search?q=anc&sort=newest");
    }

    @Test
    void readersTextIsEncodedAndStaysInItsParameter() {
        SearchState state = of("q", "rock & roll #1", "author", "Élodie Marchand");

        assertThat(state.url()).isEqualTo("/search?q=rock%20%26%20roll%20%231&author=%C3%89lodie%20Marchand");
        assertThat(state.apiParams(10).get("q")).containsExactly("rock & roll #1");
    }

    @Test
    void withoutTextTheNewestComeFirstAndNoSortIsSent() {
        SearchState state = of("category", "Audio", "sort", "relevance");

        assertThat(state.effectiveSort()).isEqualTo("newest");
        assertThat(state.apiParams(4).containsKey("sort")).isFalse();
        assertThat(state.apiParams(4).getFirst("size")).isEqualTo("4");
    }

    private static SearchState of(String... pairs) {
        MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            params.add(pairs[i], pairs[i + 1]);
        }
        return SearchState.of(params);
    }
}
