package io.roundup.web.review;

import io.roundup.web.api.ApiModel.Article;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * A roundup as schema.org structured data: an {@code ItemList} of the ranked {@code Product}s, each with the review and
 * its offers. Served as a {@code application/ld+json} data block, which browsers never execute, so the strict CSP
 * stays strict.
 */
final class JsonLd {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonLd() {}

    static String of(Article article, ReviewPage page, String pageUrl) {
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("@context", "https://schema.org");
        list.put("@type", "ItemList");
        list.put("name", article.title());
        list.put("url", pageUrl);
        if (article.summary() != null) {
            list.put("description", article.summary());
        }
        List<Object> items = new ArrayList<>();
        for (ReviewPage.EntryView entry : page.entries()) {
            Map<String, Object> product = new LinkedHashMap<>();
            product.put("@type", "Product");
            product.put("name", entry.productName());
            if (entry.brand() != null) {
                product.put("brand", Map.of("@type", "Brand", "name", entry.brand()));
            }
            Map<String, Object> review = new LinkedHashMap<>();
            review.put("@type", "Review");
            review.put("name", entry.heading());
            if (article.author() != null) {
                review.put(
                        "author",
                        Map.of("@type", "Person", "name", article.author().name()));
            }
            if (article.publishedAt() != null) {
                review.put("datePublished", article.publishedAt().toString());
            }
            review.put("reviewBody", org.jsoup.Jsoup.parse(entry.bodyHtml()).text());
            product.put("review", review);
            List<Object> offers = new ArrayList<>();
            article.entries().stream()
                    .filter(e -> e.rank() == entry.rank() && e.product() != null)
                    .flatMap(e -> e.product().offers().stream())
                    .filter(o -> ReviewPage.safeUrl(o.url()) != null && o.price() != null)
                    .forEach(o -> {
                        Map<String, Object> offer = new LinkedHashMap<>();
                        offer.put("@type", "Offer");
                        offer.put("url", o.url());
                        offer.put("price", o.price().amount());
                        offer.put("priceCurrency", o.price().currency());
                        if (o.retailer() != null) {
                            offer.put("seller", Map.of("@type", "Organization", "name", o.retailer()));
                        }
                        offers.add(offer);
                    });
            if (!offers.isEmpty()) {
                product.put("offers", offers);
            }
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("@type", "ListItem");
            item.put("position", entry.rank());
            item.put("url", pageUrl + "#" + entry.anchor());
            item.put("item", product);
            items.add(item);
        }
        list.put("numberOfItems", items.size());
        list.put("itemListElement", items);
        // "</script>" inside a string would end the data block early: JSON allows "\/" for "/" wherever it appears
        return JSON.writeValueAsString(list).replace("</", "<\\/");
    }
}
