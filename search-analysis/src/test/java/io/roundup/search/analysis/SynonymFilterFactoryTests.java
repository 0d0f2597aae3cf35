package io.roundup.search.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class SynonymFilterFactoryTests {

    @Test
    void equivalentWordsMatchEachOther() {
        SynonymFilterFactory synonyms = synonyms("headset, headphones");

        assertThat(Analysis.terms("wireless headset", synonyms))
                .containsExactlyInAnyOrder("wireless", "headset", "headphones");
    }

    @Test
    void anArrowRuleReplacesTheLeftSide() {
        SynonymFilterFactory synonyms = synonyms("tv => television");

        assertThat(Analysis.terms("tv stand", synonyms)).containsExactly("television", "stand");
    }

    @Test
    void aMultiWordRuleMatchesThePhraseAndTheWord() {
        SynonymFilterFactory synonyms = synonyms("noise cancelling, anc");

        assertThat(Analysis.terms("anc", synonyms)).containsExactlyInAnyOrder("noise", "anc", "cancelling");
        assertThat(Analysis.terms("noise cancelling", synonyms))
                .containsExactlyInAnyOrder("anc", "noise", "cancelling");
    }

    @Test
    void withoutExpandEveryWordMapsToTheFirst() {
        SynonymFilterFactory synonyms =
                new SynonymFilterFactory(new Rules(List.of("headphones, headset, cans"), false));

        assertThat(Analysis.terms("cans", synonyms)).containsExactly("headphones");
    }

    @Test
    void rulesAreAnalyzedLikeTheTextBeforeTheFilter() {
        // the rule is written with capitals, an accent and a possessive; the text arrives lower-cased and folded
        SynonymFilterFactory synonyms = synonyms("Crème Brûlée, burnt cream", "McDonald's => mcdonalds");
        FoldingFilterFactory folding = new FoldingFilterFactory(() -> false);
        PossessiveFilterFactory possessive = new PossessiveFilterFactory();

        assertThat(Analysis.terms("creme brulee", possessive, folding, synonyms))
                .containsExactlyInAnyOrder("creme", "burnt", "brulee", "cream");
        assertThat(Analysis.terms("McDonald's", possessive, folding, synonyms)).containsExactly("mcdonalds");
    }

    @Test
    void stemmingAfterSynonymsStemsBothSides() {
        SynonymFilterFactory synonyms = synonyms("headset, headphones");

        assertThat(Analysis.terms("headset", synonyms, new StemFilterFactory()))
                .containsExactlyInAnyOrder("headset", "headphone");
    }

    @Test
    void aRuleMatchesOnlyTheFormsItNames() {
        // synonyms run before stemming: a plural needs its own entry in the rule
        assertThat(Analysis.terms("headsets", synonyms("headset, headphones"), new StemFilterFactory()))
                .containsExactly("headset");
        assertThat(Analysis.terms("headsets", synonyms("headset, headsets, headphones"), new StemFilterFactory()))
                .contains("headphone");
    }

    @Test
    void withoutRulesEveryTokenPassesThrough() {
        assertThat(Analysis.terms("tv headset", synonyms())).containsExactly("tv", "headset");
    }

    @Test
    void anInvalidRuleIsRefusedWithItsLine() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> synonyms("headset, headphones", "a => "))
                .withMessage("roundup_synonyms: Invalid synonym rule at line 2: term:  was completely eliminated by"
                        + " analyzer");
    }

    private static SynonymFilterFactory synonyms(String... rules) {
        return new SynonymFilterFactory(new Rules(List.of(rules), true));
    }

    /** The settings Elasticsearch would read from the index's analysis definition. */
    private record Rules(List<String> rules, boolean expand) implements SynonymFilterFactory.Settings {}
}
