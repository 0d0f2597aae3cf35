package io.roundup.search.indexing;

import io.roundup.events.ArticleChanged;
import io.roundup.events.ArticleContent;
import io.roundup.events.Offer;
import io.roundup.events.ProductChanged;
import io.roundup.events.ProductRemoved;
import io.roundup.search.indexing.ReviewDocument.Entry;
import io.roundup.search.indexing.ReviewDocument.Feature;
import io.roundup.search.indexing.ReviewDocument.Price;
import io.roundup.search.indexing.ReviewDocument.ProductSummary;
import io.roundup.search.indexing.ReviewDocument.Section;
import io.roundup.search.indexing.ReviewDocument.Suggest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Maps the event contract to the documents the indices hold: pure functions, no I/O. */
final class ReviewDocuments {

    private static final int MAX_SUGGEST_INPUTS = 24;

    private ReviewDocuments() {}

    /**
     * The full document of a published article; {@code products} are the known products of its entries, in rank order.
     * Markdown bodies are stored as their plain text (see {@link PlainText}).
     */
    static ReviewDocument published(ArticleChanged event, List<ProductSummary> products) {
        ArticleContent content = event.published();
        List<Entry> entries = orEmpty(content.entries()).stream()
                .filter(Objects::nonNull)
                .sorted(Comparator.comparingInt(ArticleContent.Entry::rank))
                .map(e -> new Entry(
                        e.rank(),
                        e.productId(),
                        e.heading(),
                        PlainText.of(e.body()),
                        orEmpty(e.features()).stream()
                                .filter(Objects::nonNull)
                                .map(f -> new Feature(f.name(), PlainText.of(f.description())))
                                .toList()))
                .toList();
        List<Section> sections = orEmpty(content.sections()).stream()
                .filter(Objects::nonNull)
                .map(s -> new Section(s.heading(), PlainText.of(s.body())))
                .toList();
        String author = content.author() == null ? null : content.author().name();
        return new ReviewDocument(
                event.articleId(),
                event.revision(),
                ReviewDocument.PUBLISHED,
                event.slug(),
                content.title(),
                content.summary(),
                PlainText.of(content.intro()),
                content.category(),
                orEmpty(content.tags()),
                author,
                event.publishedAt() != null ? event.publishedAt() : event.changedAt(),
                entries,
                sections,
                productIds(content),
                products,
                suggestions(content.title(), products));
    }

    /** What remains of an article that is not (or no longer) published: enough to refuse older states. */
    static ReviewDocument tombstone(String id, long revision, String status, String slug) {
        return new ReviewDocument(
                id, revision, status, slug, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The distinct product ids of the entries, in rank order. */
    static List<String> productIds(ArticleContent content) {
        Set<String> ids = new LinkedHashSet<>();
        orEmpty(content.entries()).stream()
                .filter(Objects::nonNull)
                .sorted(Comparator.comparingInt(ArticleContent.Entry::rank))
                .map(ArticleContent.Entry::productId)
                .filter(id -> id != null && !id.isBlank())
                .forEach(ids::add);
        return List.copyOf(ids);
    }

    /**
     * Completion inputs: the title and each product name, each also from every later word on, so that "earb" finds
     * "The best wireless earbuds" and a model typed without its brand ("xm5" for "Sonic XM5") finds its product.
     */
    static Suggest suggestions(String title, List<ProductSummary> products) {
        Set<String> inputs = new LinkedHashSet<>();
        addFromEachWord(inputs, title);
        orEmpty(products).stream()
                .map(ProductSummary::name)
                .filter(n -> n != null && !n.isBlank())
                .forEach(name -> addFromEachWord(inputs, name));
        return inputs.isEmpty()
                ? null
                : new Suggest(inputs.stream().limit(MAX_SUGGEST_INPUTS).toList());
    }

    private static void addFromEachWord(Set<String> inputs, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        String[] words = text.trim().split("\\s+");
        for (int i = 0; i < words.length; i++) {
            inputs.add(String.join(" ", List.of(words).subList(i, words.length)));
        }
    }

    static ProductDocument product(ProductChanged event) {
        return new ProductDocument(
                event.productId(),
                event.revision(),
                ProductDocument.ACTIVE,
                event.name(),
                event.kind(),
                event.brand(),
                lowestPrice(event.offers()));
    }

    static ProductDocument removed(ProductRemoved event) {
        return new ProductDocument(
                event.productId(), event.revision(), ProductDocument.REMOVED, null, null, null, null);
    }

    /**
     * The lowest offer. Offers in different currencies cannot be compared, so the lowest is taken among the offers in
     * the currency most offers use (the first such currency on a tie); an unreadable amount is ignored.
     */
    static Price lowestPrice(List<Offer> offers) {
        Map<String, List<Price>> byCurrency = new LinkedHashMap<>();
        for (Offer offer : orEmpty(offers)) {
            if (offer == null
                    || offer.price() == null
                    || offer.price().currency() == null
                    || amount(offer.price().amount()) == null) {
                continue;
            }
            byCurrency
                    .computeIfAbsent(offer.price().currency(), c -> new ArrayList<>())
                    .add(new Price(offer.price().amount().trim(), offer.price().currency()));
        }
        List<Price> candidates = null;
        for (List<Price> prices : byCurrency.values()) {
            if (candidates == null || prices.size() > candidates.size()) {
                candidates = prices;
            }
        }
        return candidates == null
                ? null
                : candidates.stream()
                        .min(Comparator.comparing(p -> amount(p.amount())))
                        .orElseThrow();
    }

    private static BigDecimal amount(String text) {
        if (text == null) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(text.trim());
            return amount.signum() < 0 ? null : amount;
        } catch (NumberFormatException ex) {
            return null;
        }
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
