package io.roundup.web.review;

import io.roundup.web.Money;
import io.roundup.web.Paths;
import io.roundup.web.SafeHtml;
import io.roundup.web.api.ApiModel.Article;
import io.roundup.web.api.ApiModel.Entry;
import io.roundup.web.api.ApiModel.Feature;
import io.roundup.web.api.ApiModel.Hit;
import io.roundup.web.api.ApiModel.Offer;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** A roundup as its page shows it: Markdown already rendered and sanitized, offers cheapest first, links made. */
record ReviewPage(
        Article article,
        String introHtml,
        List<EntryView> entries,
        List<SectionView> sections,
        String authorHref,
        String authorBio,
        List<LinkView> authorLatest,
        List<LinkView> related,
        String categoryHref,
        String description) {

    record EntryView(
            int rank,
            String anchor,
            String heading,
            String productName,
            String brand,
            String kind,
            String bodyHtml,
            List<Feature> features,
            List<OfferView> offers,
            String bestPrice) {}

    record OfferView(String retailer, String url, String price) {}

    record SectionView(String heading, String anchor, String bodyHtml) {}

    record LinkView(String title, String href, Instant publishedAt) {}

    static ReviewPage of(Article article, List<Hit> related, SafeHtml html) {
        List<EntryView> entries = article.entries().stream()
                .sorted(Comparator.comparingInt(Entry::rank))
                .map(entry -> entry(entry, html))
                .toList();
        List<SectionView> sections = article.sections().stream()
                .map(s -> new SectionView(s.heading(), Paths.anchor(s.heading()), html.markdown(s.body())))
                .toList();
        String author = article.author() == null ? null : article.author().name();
        return new ReviewPage(
                article,
                html.markdown(article.intro()),
                entries,
                sections,
                author == null ? null : Paths.author(author),
                article.author() == null ? "" : html.text(article.author().bio()),
                article.authorLatest().stream()
                        .filter(l -> !article.id().equals(l.id()))
                        .limit(5)
                        .map(l -> new LinkView(l.title(), Paths.review(l.slug()), l.publishedAt()))
                        .toList(),
                related.stream()
                        .filter(h -> !article.id().equals(h.id()))
                        .limit(4)
                        .map(h -> new LinkView(h.title(), Paths.review(h.slug()), h.publishedAt()))
                        .toList(),
                article.category() == null ? null : Paths.category(article.category()),
                description(article, html));
    }

    private static EntryView entry(Entry entry, SafeHtml html) {
        var product = entry.product();
        List<OfferView> offers = product == null
                ? List.of()
                : product.offers().stream()
                        .sorted(Comparator.comparing((Offer o) -> Money.amount(o.price())))
                        .map(o -> new OfferView(o.retailer(), safeUrl(o.url()), Money.format(o.price())))
                        .filter(o -> o.url() != null)
                        .toList();
        String name = product == null ? entry.heading() : product.name();
        return new EntryView(
                entry.rank(),
                "rank-" + entry.rank(),
                entry.heading(),
                name,
                product == null ? null : product.brand(),
                product == null ? null : product.kind(),
                html.markdown(entry.body()),
                entry.features(),
                offers,
                offers.isEmpty() ? null : offers.getFirst().price());
    }

    /** Only web links become buy buttons; anything else (javascript:, data:) is dropped. */
    static String safeUrl(String url) {
        if (url == null) {
            return null;
        }
        String lower = url.strip().toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") ? url.strip() : null;
    }

    private static String description(Article article, SafeHtml html) {
        String text = article.summary() != null && !article.summary().isBlank()
                ? article.summary()
                : html.text(article.intro());
        return text.length() > 200 ? text.substring(0, 197).strip() + "…" : text;
    }
}
