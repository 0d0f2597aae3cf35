package io.roundup.e2e.corpus;

import static io.roundup.e2e.corpus.Prose.capitalise;
import static io.roundup.e2e.corpus.Prose.weighted;

import io.roundup.e2e.corpus.Corpus.Author;
import io.roundup.e2e.corpus.Corpus.Entry;
import io.roundup.e2e.corpus.Corpus.Feature;
import io.roundup.e2e.corpus.Corpus.Offer;
import io.roundup.e2e.corpus.Corpus.Product;
import io.roundup.e2e.corpus.Corpus.Roundup;
import io.roundup.e2e.corpus.Corpus.Section;
import io.roundup.e2e.corpus.Prose.Scene;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Plans a corpus and writes its roundups. The plan is made once, from the seed: each roundup's subject (a few subjects
 * are far more common than the rest), its number of entries and which products they rank (dealt from a deck in which
 * every product of the subject appears a few times and the best-known ones more), its author and its date; then the
 * catalogue. A roundup's words come from a random source seeded by the corpus seed and its index alone.
 */
final class CorpusGenerator {

    /** The newest publication date; the corpus spans the five years before it. */
    static final Instant NEWEST = Instant.parse("2026-11-30T08:00:00Z");

    private static final Duration SPAN = Duration.ofDays(5 * 365);

    /** Per subject, forty brands: a handful dominate, a long tail of small makers follows. */
    private static final Zipf<Integer> BRAND_RANKS = new Zipf<>(indices(40), 1.2);

    /** Per subject, three hundred directors, authors or artists, the famous ones with many works. */
    private static final Zipf<Integer> MAKER_RANKS = new Zipf<>(indices(300), 0.9);

    private static final Zipf<String> SHOPS = new Zipf<>(Vocabulary.RETAILER_WORDS, 0.9);

    private static final Zipf<String> GENERAL_TAGS = new Zipf<>(Vocabulary.GENERAL_TAGS);

    private final long seed;
    private final int size;
    private final Prose prose = new Prose();
    private final int[] subjectOf;
    private final int[][] productsOf;
    private final int[] authorOf;
    private final long[] publishedAt;
    private final List<Product> products = new ArrayList<>();
    private final List<Integer> productSubject = new ArrayList<>();
    private final List<Author> authors = new ArrayList<>();

    CorpusGenerator(long seed, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a corpus has at least one roundup");
        }
        this.seed = seed;
        this.size = size;
        SplittableRandom random = new SplittableRandom(seed);
        List<Subject> subjects = Vocabulary.SUBJECTS;
        Zipf<Integer> subjectOdds = new Zipf<>(indices(subjects.size()), 0.8);

        subjectOf = new int[size];
        int[] entryCount = new int[size];
        int[] slots = new int[subjects.size()];
        for (int i = 0; i < size; i++) {
            subjectOf[i] = subjectOdds.pick(random);
            entryCount[i] = 3 + weighted(random, 3, 4, 3, 2);
            slots[subjectOf[i]] += entryCount[i];
        }

        authors.addAll(authors(random));
        Map<String, Zipf<Integer>> writersOf = new LinkedHashMap<>();
        for (Subject subject : subjects) {
            writersOf.computeIfAbsent(subject.category(), category -> {
                List<Integer> order = indices(authors.size());
                Collections.shuffle(order, new Random(random.nextLong()));
                return new Zipf<>(order, 1.1);
            });
        }

        // per subject: a deck of its products, each a few times, the first tenth (the well-known ones) more; a little
        // shorter than the roundups' slots, so that dealing wraps round and every product is ranked at least once
        List<List<Integer>> decks = new ArrayList<>();
        for (int s = 0; s < subjects.size(); s++) {
            int pool = Math.max(6, (int) Math.round(slots[s] / 2.7));
            int first = products.size();
            Set<String> names = new HashSet<>();
            for (int p = 0; p < pool; p++) {
                products.add(product(subjects.get(s), products.size(), names, random));
                productSubject.add(s);
            }
            List<Integer> deck = new ArrayList<>(slots[s]);
            for (int p = 0; p < pool; p++) {
                int copies = p < pool / 10 ? 6 : p < pool / 3 ? 3 : 2;
                for (int c = 0; c < copies; c++) {
                    deck.add(first + p);
                }
            }
            Collections.shuffle(deck, new Random(random.nextLong()));
            decks.add(deck);
        }

        productsOf = new int[size][];
        authorOf = new int[size];
        publishedAt = new long[size];
        int[] dealt = new int[subjects.size()];
        for (int i = 0; i < size; i++) {
            int s = subjectOf[i];
            List<Integer> deck = decks.get(s);
            Set<Integer> chosen = new LinkedHashSet<>();
            while (chosen.size() < entryCount[i]) {
                chosen.add(deck.get(dealt[s]++ % deck.size()));
            }
            productsOf[i] = chosen.stream().mapToInt(Integer::intValue).toArray();
            authorOf[i] = writersOf.get(subjects.get(s).category()).pick(random);
            publishedAt[i] = NEWEST.getEpochSecond() - random.nextLong(SPAN.toSeconds());
        }
    }

    long seed() {
        return seed;
    }

    int size() {
        return size;
    }

    List<Product> products() {
        return Collections.unmodifiableList(products);
    }

    List<Author> authors() {
        return Collections.unmodifiableList(authors);
    }

    /** The subject a product belongs to, for checks of the corpus's shape. */
    Subject subjectOfProduct(int product) {
        return Vocabulary.SUBJECTS.get(productSubject.get(product));
    }

    Roundup roundup(int index) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        Subject subject = Vocabulary.SUBJECTS.get(subjectOf[index]);
        int[] listed = productsOf[index];
        List<String> names = new ArrayList<>();
        for (int p : listed) {
            names.add(products.get(p).name());
        }
        Scene overall = scene(subject, listed, 0);
        String title = title(subject, listed.length, random);
        List<Entry> entries = new ArrayList<>();
        for (int rank = 1; rank <= listed.length; rank++) {
            Scene scene = scene(subject, listed, rank - 1);
            List<String> featureNames = new ArrayList<>(subject.features());
            Collections.shuffle(featureNames, new Random(random.nextLong()));
            List<Feature> features = new ArrayList<>();
            for (String name : featureNames.subList(0, 2 + random.nextInt(3))) {
                features.add(new Feature(name, prose.featureDescription(scene, random)));
            }
            entries.add(new Entry(
                    rank,
                    listed[rank - 1],
                    heading(subject, rank, names.get(rank - 1), random),
                    prose.body(scene, random),
                    features));
        }
        List<Section> sections = new ArrayList<>();
        if (random.nextInt(10) < 3) {
            sections.add(new Section("How we tested", prose.intro(overall, random)));
        }
        sections.add(new Section("Buying guide", prose.buyingGuide(overall, random)));
        sections.add(new Section("Final thoughts", prose.finalThoughts(overall, random)));
        return new Roundup(
                index,
                Corpus.id(seed, "article", index),
                slug(title) + "-" + Integer.toString(index + 1, 36),
                title,
                prose.summary(overall, random),
                subject.category(),
                tags(subject, random),
                authors.get(authorOf[index]),
                prose.intro(overall, random),
                entries,
                sections,
                Instant.ofEpochSecond(publishedAt[index]));
    }

    private Scene scene(Subject subject, int[] listed, int at) {
        Product product = products.get(listed[at]);
        Product rival = products.get(listed[(at + 1) % listed.length]);
        Product other = products.get(listed[(at + 2) % listed.length]);
        String maker = subject.isWork()
                ? product.attributes().get(subject.attributes().get("maker").getFirst())
                : product.brand();
        return new Scene(subject, product.name(), maker, rival.name(), other.name());
    }

    private static final List<String> GEAR_TITLES = List.of(
            "Best {S}",
            "Best {S} for {C}",
            "The Best {S} of {Y}",
            "Best Budget {S}",
            "{K} {S} Worth Buying",
            "Best {S} Under {$}",
            "Best {G} {S}",
            "The {S} We Would Buy Again",
            "Best {S}, Tested and Ranked");

    private static final List<String> WORK_TITLES = List.of(
            "Best {S}",
            "Essential {S}",
            "{K} {S} Everyone Should Own",
            "Best {S} for {C}",
            "The Best {S} of All Time",
            "{S} to Start With",
            "Best {G} {S}");

    private String title(Subject subject, int entries, RandomGenerator random) {
        List<String> templates = subject.isWork() ? WORK_TITLES : GEAR_TITLES;
        // the plain "Best …" title is the commonest on any review site
        String template = templates.get(random.nextInt(5) < 2 ? 0 : random.nextInt(templates.size()));
        double price = subject.minPrice() + (subject.maxPrice() - subject.minPrice()) * (0.3 + random.nextDouble() / 2);
        return template.replace("{S}", subject.plural())
                .replace(
                        "{C}",
                        titleCase(subject.contexts()
                                .get(random.nextInt(subject.contexts().size()))))
                .replace("{Y}", Integer.toString(2022 + random.nextInt(5)))
                .replace("{K}", Integer.toString(entries))
                .replace("{$}", "$" + (Math.round(price / 50) * 50 + 50))
                .replace("{G}", titleCase(Vocabulary.PRAISE.get(random.nextInt(12))));
    }

    private static final List<String> GEAR_HEADINGS =
            List.of("Best value", "Best for {C}", "Runner-up", "Also great", "Best premium pick", "Best budget pick");

    private static final List<String> WORK_HEADINGS =
            List.of("The classic", "Best for {C}", "Hidden gem", "Also essential", "The modern pick", "Runner-up");

    private static String heading(Subject subject, int rank, String product, RandomGenerator random) {
        if (rank == 1) {
            return "Best overall: " + product;
        }
        List<String> headings = subject.isWork() ? WORK_HEADINGS : GEAR_HEADINGS;
        String heading = headings.get(random.nextInt(headings.size()))
                .replace(
                        "{C}",
                        subject.contexts().get(random.nextInt(subject.contexts().size())));
        return heading + ": " + product;
    }

    private static List<String> tags(Subject subject, RandomGenerator random) {
        Set<String> tags = new LinkedHashSet<>();
        Zipf<String> own = new Zipf<>(subject.tags(), 0.7);
        int count = 3 + random.nextInt(3);
        while (tags.size() < count) {
            tags.add(own.pick(random));
        }
        for (int i = random.nextInt(3); i > 0; i--) {
            tags.add(GENERAL_TAGS.pick(random));
        }
        return List.copyOf(tags);
    }

    private List<Author> authors(RandomGenerator random) {
        int count = Math.clamp(12 + size / 400, 12, 250);
        Set<String> names = new LinkedHashSet<>();
        while (names.size() < count) {
            names.add(Vocabulary.FIRST_NAMES.get(random.nextInt(Vocabulary.FIRST_NAMES.size())) + " "
                    + Vocabulary.LAST_NAMES.get(random.nextInt(Vocabulary.LAST_NAMES.size())));
        }
        List<Author> out = new ArrayList<>();
        for (String name : names) {
            Subject subject = Vocabulary.SUBJECTS.get(random.nextInt(Vocabulary.SUBJECTS.size()));
            Scene scene = new Scene(subject, "", "", "", "");
            out.add(new Author(name, prose.bio(name.substring(0, name.indexOf(' ')), scene, random)));
        }
        return out;
    }

    private Product product(Subject subject, int index, Set<String> names, RandomGenerator random) {
        Map<String, String> attributes = new LinkedHashMap<>();
        String brand = null;
        String name;
        if (subject.isWork()) {
            String makerAttribute = subject.attributes().get("maker").getFirst();
            attributes.put(makerAttribute, maker(subject, random));
            name = workTitle(random);
        } else {
            brand = brand(subject, random);
            String model =
                    subject.modelWords().get(random.nextInt(subject.modelWords().size()));
            String suffix = switch (random.nextInt(5)) {
                case 0 -> "";
                case 1 -> " " + (2 + random.nextInt(5));
                case 2 ->
                    " " + List.of("Pro", "Plus", "Lite", "Max", "SE", "Mini").get(random.nextInt(6));
                case 3 -> " " + (10 + random.nextInt(90) * 10);
                default -> " " + List.of("II", "III", "X", "S", "Air").get(random.nextInt(5));
            };
            name = brand + " " + model + suffix;
            for (int n = 2; !names.add(name); n++) {
                name = brand + " " + model + suffix + " " + n;
            }
        }
        subject.attributes().forEach((attribute, values) -> {
            if (!attribute.equals("maker") && random.nextInt(6) > 0) {
                attributes.put(attribute, values.get(random.nextInt(values.size())));
            }
        });
        double base = Math.exp(Math.log(subject.minPrice())
                + random.nextDouble() * (Math.log(subject.maxPrice()) - Math.log(subject.minPrice())));
        String key = slug(name) + "-" + Integer.toString(index + 1, 36);
        List<Offer> offers = new ArrayList<>();
        Set<String> retailers = new LinkedHashSet<>();
        int count = 1 + weighted(random, 4, 5, 2);
        while (retailers.size() < count) {
            retailers.add(SHOPS.pick(random));
        }
        for (String retailer : retailers) {
            double price = base * (0.9 + random.nextDouble() * 0.2);
            offers.add(new Offer(
                    retailer,
                    "https://" + slug(retailer) + ".example.com/p/" + key,
                    price(price),
                    Vocabulary.CURRENCIES.get(weighted(random, 6, 3, 2))));
        }
        return new Product(
                index,
                Corpus.id(seed, "product", index),
                name,
                subject.kind(),
                brand,
                subject.category(),
                attributes,
                offers);
    }

    private String brand(Subject subject, RandomGenerator random) {
        int rank = BRAND_RANKS.pick(random);
        SplittableRandom named = new SplittableRandom(subject.plural().hashCode() * 31L + rank);
        return capitalise(name(named, 2 + named.nextInt(2)));
    }

    private static String maker(Subject subject, RandomGenerator random) {
        int rank = MAKER_RANKS.pick(random);
        SplittableRandom named = new SplittableRandom(subject.plural().hashCode() * 17L + rank);
        return Vocabulary.FIRST_NAMES.get(named.nextInt(Vocabulary.FIRST_NAMES.size())) + " "
                + Vocabulary.LAST_NAMES.get(named.nextInt(Vocabulary.LAST_NAMES.size()));
    }

    private static String workTitle(RandomGenerator random) {
        List<String> adjectives = Vocabulary.WORK_ADJECTIVES;
        List<String> nouns = Vocabulary.WORK_NOUNS;
        String adjective = adjectives.get(random.nextInt(adjectives.size()));
        String noun = nouns.get(random.nextInt(nouns.size()));
        String other = nouns.get(random.nextInt(nouns.size()));
        String place = Vocabulary.PLACES.get(random.nextInt(Vocabulary.PLACES.size()));
        return switch (random.nextInt(6)) {
            case 0 -> "The " + adjective + " " + noun;
            case 1 -> noun + " of " + place;
            case 2 -> "The " + noun + " of " + other;
            case 3 -> adjective + " " + noun;
            case 4 -> "A " + adjective + " " + noun + " in " + place;
            default -> capitalise(name(random, 2)) + " " + noun;
        };
    }

    private static String name(RandomGenerator random, int syllables) {
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < syllables; i++) {
            name.append(Vocabulary.SYLLABLES.get(random.nextInt(Vocabulary.SYLLABLES.size())));
        }
        return name.toString();
    }

    private static String price(double amount) {
        BigDecimal whole = BigDecimal.valueOf(amount).setScale(0, RoundingMode.HALF_UP);
        BigDecimal price = amount < 60 ? whole.subtract(new BigDecimal("0.01")) : whole;
        return price.max(new BigDecimal("0.99"))
                .setScale(2, RoundingMode.HALF_UP)
                .toPlainString();
    }

    static String slug(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return folded.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    private static String titleCase(String text) {
        StringBuilder out = new StringBuilder();
        for (String word : text.split(" ")) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(
                    Set.of("a", "the", "of", "and", "to", "for", "with", "in").contains(word)
                            ? word
                            : capitalise(word));
        }
        return out.toString();
    }

    private static List<Integer> indices(int count) {
        List<Integer> indices = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            indices.add(i);
        }
        return indices;
    }
}
