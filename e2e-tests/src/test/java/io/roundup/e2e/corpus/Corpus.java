package io.roundup.e2e.corpus;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A generated review site: a catalogue and {@code size} roundups over it, the same for the same seed. The catalogue and
 * the plan (which products each roundup ranks, who wrote it, when) are held; each roundup's text is generated when it
 * is asked for, from a random source of its own, so 100,000 roundups stream without being held at once and roundup
 * {@code i} reads the same however the corpus is walked.
 */
public final class Corpus {

    private final CorpusGenerator generator;

    private Corpus(CorpusGenerator generator) {
        this.generator = generator;
    }

    /** The same seed and size give the same corpus, on any machine. */
    public static Corpus generate(long seed, int roundups) {
        return new Corpus(new CorpusGenerator(seed, roundups));
    }

    public long seed() {
        return generator.seed();
    }

    /** How many roundups it has. */
    public int size() {
        return generator.size();
    }

    public List<Product> products() {
        return generator.products();
    }

    /** The site's writers; each writes mostly in a few categories. */
    public List<Author> authors() {
        return generator.authors();
    }

    public Roundup roundup(int index) {
        return generator.roundup(index);
    }

    public Stream<Roundup> roundups() {
        return IntStream.range(0, size()).mapToObj(this::roundup);
    }

    /** A product as {@code POST /api/products} takes it, plus the id it carries on the event path. */
    public record Product(
            int index,
            String id,
            String name,
            String kind,
            String brand,
            String category,
            Map<String, String> attributes,
            List<Offer> offers) {}

    /** Where to buy it: a price as the API writes money (a decimal string and a currency). */
    public record Offer(String retailer, String url, String amount, String currency) {}

    public record Author(String name, String bio) {}

    /**
     * A roundup as {@code POST /api/articles} takes it, with entries naming products by their index in the catalogue,
     * and the article id and publication time it carries on the event path.
     */
    public record Roundup(
            int index,
            String id,
            String slug,
            String title,
            String summary,
            String category,
            List<String> tags,
            Author author,
            String intro,
            List<Entry> entries,
            List<Section> sections,
            Instant publishedAt) {}

    public record Entry(int rank, int product, String heading, String body, List<Feature> features) {}

    public record Feature(String name, String description) {}

    public record Section(String heading, String body) {}

    /** A stable id for the event path, derived from the seed, so two loads of one corpus write the same entities. */
    static String id(long seed, String what, int index) {
        return UUID.nameUUIDFromBytes(
                        ("roundup-corpus:" + seed + ":" + what + ":" + index).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
