package io.roundup.article.catalog;

import io.roundup.article.ProductCard;
import java.util.List;
import org.springframework.data.annotation.Id;

/**
 * One product as the last product event said: enough to tell whether an entry may point at it.
 *
 * @param id the product id
 * @param revision the product revision this line reflects; older events change nothing
 * @param name the product's name
 * @param kind the product's kind
 * @param brand the brand, if any
 * @param offers where to buy it, as the article pages show it
 * @param removed whether the product was deleted
 */
record KnownProduct(
        @Id String id,
        long revision,
        String name,
        String kind,
        String brand,
        List<ProductCard.Offer> offers,
        boolean removed) {

    static final String COLLECTION = "catalogProducts";
}
