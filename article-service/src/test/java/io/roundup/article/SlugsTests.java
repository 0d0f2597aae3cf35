package io.roundup.article;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlugsTests {

    @Test
    void aTitleBecomesLowercaseAsciiWordsJoinedBySingleHyphens() {
        assertThat(Slugs.derive("Crème Brûlée: Top 5!")).isEqualTo("creme-brulee-top-5");
        assertThat(Slugs.derive("  Best   Headphones -- for Late-Night Mixing  "))
                .isEqualTo("best-headphones-for-late-night-mixing");
    }

    @Test
    void lettersWithoutADecompositionAreTransliterated() {
        assertThat(Slugs.derive("Straße, Smørrebrød & Æsir")).isEqualTo("strasse-smorrebrod-aesir");
        assertThat(Slugs.derive("Łódź Œuvre Þing")).isEqualTo("lodz-oeuvre-thing");
    }

    @Test
    void otherScriptsAreTransliteratedToo() {
        assertThat(Slugs.derive("Лучшие наушники 2026")).isEqualTo("luchshiye-naushniki-2026");
        assertThat(Slugs.derive("Τα καλύτερα ακουστικά")).isEqualTo("ta-kalytera-akoustika");
        assertThat(Slugs.derive("東京のカフェ")).isEqualTo("dong-jingnokafe");
    }

    @Test
    void aTitleWithNothingToKeepStillGetsASlug() {
        assertThat(Slugs.derive("!!! ???")).isEqualTo("article");
    }

    @Test
    void longTitlesAreCutAtAWordBoundaryWithinTheLimit() {
        String title =
                "The definitive guide to choosing closed back studio headphones for mixing late at night in small flats";

        String slug = Slugs.derive(title);

        assertThat(slug).hasSizeLessThanOrEqualTo(Slugs.MAX_LENGTH).doesNotEndWith("-");
        assertThat(title.toLowerCase().replace(' ', '-')).startsWith(slug);
        assertThat(Slugs.isValid(slug)).isTrue();
    }

    @Test
    void collisionCandidatesAppendANumberAndStayWithinTheLimit() {
        assertThat(Slugs.candidate("top-5", 1)).isEqualTo("top-5");
        assertThat(Slugs.candidate("top-5", 2)).isEqualTo("top-5-2");
        String longBase = "a".repeat(80);
        assertThat(Slugs.candidate(longBase, 12)).hasSize(80).endsWith("-12");
    }

    @Test
    void clientSlugsMustAlreadyBeInCanonicalForm() {
        assertThat(Slugs.isValid("best-headphones-2026")).isTrue();
        assertThat(Slugs.isValid("Best-Headphones")).isFalse();
        assertThat(Slugs.isValid("double--hyphen")).isFalse();
        assertThat(Slugs.isValid("-leading")).isFalse();
        assertThat(Slugs.isValid("a".repeat(81))).isFalse();
    }
}
