package io.roundup.product;

import java.util.List;

/** Deleting the product would leave published reviews pointing at nothing. */
public class ProductInUse extends RuntimeException {

    private final List<ProductUsage.UsingArticle> articles;

    ProductInUse(String productId, List<ProductUsage.UsingArticle> articles) {
        super("Product " + productId + " is ranked by " + articles.size() + " published article(s)");
        this.articles = List.copyOf(articles);
    }

    public List<ProductUsage.UsingArticle> articles() {
        return articles;
    }
}
