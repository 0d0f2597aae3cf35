package io.roundup.search.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenFiltersTests {

    private final PossessiveFilterFactory possessive = new PossessiveFilterFactory();

    private final FoldingFilterFactory folding = new FoldingFilterFactory(() -> false);

    private final StemFilterFactory stem = new StemFilterFactory();

    @Test
    void theFullChainFoldsAccentsAndStemsEnglish() {
        // KStem leaves "running" as it is (a dictionary word); it stems plurals such as "headphones"
        assertThat(Analysis.terms("Running Crème Brûlée Headphones", possessive, folding, stem))
                .containsExactly("running", "creme", "brulee", "headphone");
    }

    @Test
    void possessiveDropsTheTrailingApostropheS() {
        assertThat(Analysis.terms("Mara's review of Ørsted's speakers", possessive))
                .containsExactly("mara", "review", "of", "ørsted", "speakers");
    }

    @Test
    void foldingTurnsAccentedLettersIntoAscii() {
        assertThat(Analysis.terms("crème brûlée Ørsted façade", folding))
                .containsExactly("creme", "brulee", "orsted", "facade");
    }

    @Test
    void foldingCanKeepTheOriginalBesideTheFoldedToken() {
        FoldingFilterFactory preserving = new FoldingFilterFactory(() -> true);

        assertThat(Analysis.terms("crème tea", preserving)).containsExactly("creme", "crème", "tea");
    }

    @Test
    void foldingNormalizesQueryTermsWithoutKeepingTheOriginal() {
        FoldingFilterFactory preserving = new FoldingFilterFactory(() -> true);

        assertThat(Analysis.terms("crème", preserving::normalize)).containsExactly("creme");
    }

    @Test
    void stemmingReducesPluralsToTheirSingular() {
        assertThat(Analysis.terms("headphones torches batteries", stem))
                .containsExactly("headphone", "torch", "battery");
    }
}
