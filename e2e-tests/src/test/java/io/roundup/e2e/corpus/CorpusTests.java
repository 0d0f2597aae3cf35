package io.roundup.e2e.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import io.roundup.e2e.corpus.Corpus.Entry;
import io.roundup.e2e.corpus.Corpus.Roundup;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The benchmarks' corpus: the same for the same seed, and shaped like a real review site. */
class CorpusTests {

    private static final int SIZE = 1_000;

    private final Corpus corpus = Corpus.generate(42, SIZE);

    @Test
    void theSameSeedGivesTheSameCorpusHoweverItIsWalked() {
        Corpus again = Corpus.generate(42, SIZE);

        assertThat(again.products()).isEqualTo(corpus.products());
        assertThat(again.authors()).isEqualTo(corpus.authors());
        assertThat(again.roundup(SIZE - 1)).isEqualTo(corpus.roundup(SIZE - 1));
        assertThat(again.roundups().toList()).isEqualTo(corpus.roundups().toList());
    }

    @Test
    void anotherSeedGivesAnotherCorpus() {
        Corpus other = Corpus.generate(43, SIZE);

        assertThat(other.roundup(0).entries()).isNotEqualTo(corpus.roundup(0).entries());
        assertThat(other.products().getFirst()).isNotEqualTo(corpus.products().getFirst());
    }

    @Test
    void everyRoundupRanksProductsOfItsOwnKindWithBodiesFeaturesAndSections() {
        CorpusGenerator plan = new CorpusGenerator(42, SIZE);
        Set<String> slugs = new HashSet<>();
        for (Roundup roundup : corpus.roundups().toList()) {
            assertThat(slugs.add(roundup.slug()))
                    .as("slug %s is unique", roundup.slug())
                    .isTrue();
            assertThat(roundup.entries()).hasSizeBetween(3, 6);
            assertThat(roundup.entries().stream().map(Entry::rank))
                    .containsExactlyElementsOf(
                            IntStream.rangeClosed(1, roundup.entries().size())
                                    .boxed()
                                    .toList());
            assertThat(roundup.entries().stream().map(Entry::product).distinct())
                    .hasSameSizeAs(roundup.entries());
            for (Entry entry : roundup.entries()) {
                assertThat(plan.subjectOfProduct(entry.product()).category()).isEqualTo(roundup.category());
                assertThat(entry.heading())
                        .endsWith(corpus.products().get(entry.product()).name());
                assertThat(words(entry.body())).isBetween(25, 800);
                assertThat(entry.features()).hasSizeBetween(2, 4);
            }
            assertThat(roundup.sections().stream().map(Corpus.Section::heading))
                    .contains("Buying guide", "Final thoughts");
            assertThat(roundup.tags()).hasSizeBetween(3, 7).doesNotHaveDuplicates();
            assertThat(roundup.title()).isNotBlank();
            assertThat(roundup.summary()).isNotBlank();
            assertThat(roundup.publishedAt()).isBefore(CorpusGenerator.NEWEST.plusSeconds(1));
        }
    }

    @Test
    void productsAreRankedInSeveralRoundupsAndCarryOffers() {
        int[] appearances = new int[corpus.products().size()];
        corpus.roundups().forEach(r -> r.entries().forEach(e -> appearances[e.product()]++));

        assertThat(Arrays.stream(appearances).min().orElseThrow()).isGreaterThanOrEqualTo(1);
        assertThat(Arrays.stream(appearances).average().orElseThrow()).isGreaterThanOrEqualTo(2.0);
        assertThat(Arrays.stream(appearances).max().orElseThrow()).isGreaterThanOrEqualTo(5);
        assertThat(corpus.products()).allSatisfy(product -> {
            assertThat(product.offers()).isNotEmpty();
            assertThat(product.kind()).isIn("gear", "film", "book", "music");
            assertThat(product.offers().getFirst().amount()).matches("\\d+\\.\\d\\d");
        });
    }

    @Test
    void termsAndFacetsAreDistributedLikeARealSite() {
        Map<String, Integer> termCounts = new HashMap<>();
        Set<String> categories = new HashSet<>();
        Set<String> tags = new HashSet<>();
        Set<String> authors = new HashSet<>();
        Set<String> bodies = new HashSet<>();
        long entries = 0;
        for (Roundup roundup : corpus.roundups().toList()) {
            categories.add(roundup.category());
            tags.addAll(roundup.tags());
            authors.add(roundup.author().name());
            for (Entry entry : roundup.entries()) {
                entries++;
                bodies.add(entry.body());
                for (String term : entry.body().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
                    termCounts.merge(term, 1, Integer::sum);
                }
            }
        }
        List<Integer> frequencies =
                termCounts.values().stream().sorted((a, b) -> b - a).toList();
        long tokens = frequencies.stream().mapToLong(Integer::longValue).sum();
        long head = frequencies.subList(0, frequencies.size() / 100).stream()
                .mapToLong(Integer::longValue)
                .sum();

        assertThat(bodies).as("no review body repeats").hasSize((int) entries);
        assertThat(termCounts).as("distinct words").hasSizeGreaterThan(1_500);
        assertThat((double) head / tokens)
                .as("share of the commonest 1% of words")
                .isGreaterThan(0.25);
        assertThat(frequencies.get(frequencies.size() / 2))
                .as("the median word is rare")
                .isLessThan(20);
        assertThat(categories).hasSizeGreaterThanOrEqualTo(15);
        assertThat(tags).hasSizeGreaterThanOrEqualTo(100);
        assertThat(authors).hasSizeGreaterThanOrEqualTo(10);
    }

    private static int words(String text) {
        return text.split("\\s+").length;
    }
}
