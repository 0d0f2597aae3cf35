package io.roundup.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SearchKeysTests {

    @Test
    void aNameIsSearchableFromTheStartOfEachWord() {
        assertThat(SearchKeys.of("Sony  WH-1000XM5 Headphones"))
                .containsExactly(
                        "sony wh-1000xm5 headphones", "wh-1000xm5 headphones", "1000xm5 headphones", "headphones");
    }

    @Test
    void caseAccentsAndSpacingDoNotMatter() {
        assertThat(SearchKeys.normalize("  Crème   BRÛLÉE ")).isEqualTo("creme brulee");
    }

    @Test
    void userTextIsNeverARegex() {
        String regex = SearchKeys.prefixRegex("a.*(b|c)[d]$^\\ ?");
        Pattern pattern = Pattern.compile(regex);

        assertThat(pattern.matcher("a.*(b|c)[d]$^\\ ?-and-more").find()).isTrue();
        assertThat(pattern.matcher("abbbb").find()).isFalse();
        assertThat(pattern.matcher("xa.*(b|c)[d]$^\\ ?").find()).isFalse();
    }

    @Test
    void leadingPunctuationIsIgnoredUnlessThereIsNothingElse() {
        assertThat(SearchKeys.prefixRegex("(2024")).isEqualTo("^2024");
        assertThat(SearchKeys.prefixRegex("[blu-ray]")).isEqualTo("^blu\\-ray\\]");
        assertThat(SearchKeys.prefixRegex(".*")).isEqualTo("^\\.\\*");
    }

    @Test
    void thePrefixIsNormalizedLikeTheKeys() {
        Pattern pattern = Pattern.compile(SearchKeys.prefixRegex("  STUDIO  Mon"));

        assertThat(SearchKeys.of("Northwind Studio Monitor"))
                .anyMatch(key -> pattern.matcher(key).find());
    }
}
