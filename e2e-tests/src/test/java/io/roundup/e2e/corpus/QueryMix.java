package io.roundup.e2e.corpus;

import io.roundup.e2e.corpus.Corpus.Product;
import io.roundup.e2e.corpus.Corpus.Roundup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * What readers of a corpus type, seeded: model and work names, product kinds, two-word queries, brands and makers,
 * typos of all of these, and about a quarter of them narrowed by a facet filter (and a few filters with no text, which
 * list newest first). Drawn from the corpus's own vocabulary, so every query may find something.
 */
public final class QueryMix {

    /**
     * One reader's search.
     *
     * @param kind what it stands for in the mix (model, subject, two-words, maker, typo, browse)
     * @param filters keyed by the API's parameter names, as {@code GET /api/search} takes them
     */
    public record Query(String kind, String text, Map<String, List<String>> filters) {}

    private QueryMix() {}

    public static List<Query> of(Corpus corpus, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Product> products = corpus.products();
        Set<Query> queries = new LinkedHashSet<>();
        for (int attempt = 0; queries.size() < count && attempt < count * 20; attempt++) {
            Roundup roundup = corpus.roundup(random.nextInt(corpus.size()));
            Product product = products.get(roundup.entries()
                    .get(random.nextInt(roundup.entries().size()))
                    .product());
            Subject subject = subjectOf(roundup, product);
            String kind;
            String text;
            switch (Prose.weighted(random, 25, 20, 20, 10, 15, 5)) {
                case 0 -> {
                    kind = "model";
                    text = product.name();
                }
                case 1 -> {
                    kind = "subject";
                    text = random.nextBoolean() ? subject.plural() : lastWord(subject.plural());
                }
                case 2 -> {
                    kind = "two-words";
                    String feature = subject.features()
                            .get(random.nextInt(subject.features().size()));
                    text = random.nextBoolean()
                            ? firstWord(feature) + " " + lastWord(subject.plural())
                            : Vocabulary.PRAISE.get(random.nextInt(15)) + " " + lastWord(subject.plural());
                }
                case 3 -> {
                    kind = "maker";
                    text = product.brand() != null
                            ? product.brand()
                            : product.attributes().values().iterator().next();
                }
                case 4 -> {
                    kind = "typo";
                    text = typo(random.nextBoolean() ? product.name() : subject.plural(), random);
                }
                default -> {
                    kind = "browse";
                    text = "";
                }
            }
            Map<String, List<String>> filters = new LinkedHashMap<>();
            if (kind.equals("browse") || random.nextInt(4) == 0) {
                switch (random.nextInt(4)) {
                    case 0 -> filters.put("category", List.of(roundup.category()));
                    case 1 -> filters.put("tag", List.of(roundup.tags().getFirst()));
                    case 2 -> filters.put("productKind", List.of(product.kind()));
                    default -> filters.put("author", List.of(roundup.author().name()));
                }
            }
            queries.add(new Query(kind, text.toLowerCase(Locale.ROOT), filters));
        }
        return new ArrayList<>(queries);
    }

    private static Subject subjectOf(Roundup roundup, Product product) {
        return Vocabulary.SUBJECTS.stream()
                .filter(s -> s.category().equals(roundup.category()) && s.kind().equals(product.kind()))
                .filter(s -> roundup.title().contains(s.plural()))
                .findFirst()
                .orElseGet(() -> Vocabulary.SUBJECTS.stream()
                        .filter(s -> s.category().equals(roundup.category()))
                        .findFirst()
                        .orElseThrow());
    }

    /** One slip in the longest word: a letter dropped, doubled or swapped with the next. */
    static String typo(String text, SplittableRandom random) {
        String[] words = text.split(" ");
        int longest = 0;
        for (int i = 1; i < words.length; i++) {
            if (words[i].length() > words[longest].length()) {
                longest = i;
            }
        }
        String word = words[longest];
        if (word.length() < 4) {
            return text;
        }
        int at = 1 + random.nextInt(word.length() - 2);
        words[longest] = switch (random.nextInt(3)) {
            case 0 -> word.substring(0, at) + word.substring(at + 1);
            case 1 -> word.substring(0, at) + word.charAt(at) + word.substring(at);
            default -> word.substring(0, at) + word.charAt(at + 1) + word.charAt(at) + word.substring(at + 2);
        };
        return String.join(" ", words);
    }

    private static String firstWord(String text) {
        return text.split(" ")[0];
    }

    private static String lastWord(String text) {
        String[] words = text.split(" ");
        return words[words.length - 1];
    }
}
