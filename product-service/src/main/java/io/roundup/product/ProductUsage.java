package io.roundup.product;

import java.util.List;

/** Which published reviews rank a product, as far as this service has heard: what deleting a product checks. */
public interface ProductUsage {

    /** The published articles whose entries name the product, oldest first. */
    List<UsingArticle> publishedArticlesUsing(String productId);

    /** A published article that ranks the product. */
    record UsingArticle(String id, String title, String slug) {}
}
