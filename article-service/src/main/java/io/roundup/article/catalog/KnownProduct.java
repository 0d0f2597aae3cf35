package io.roundup.article.catalog;

import org.springframework.data.annotation.Id;

/**
 * One product as the last product event said: enough to tell whether an entry may point at it.
 *
 * @param id the product id
 * @param revision the product revision this line reflects; older events change nothing
 * @param name the product's name, for messages
 * @param removed whether the product was deleted
 */
record KnownProduct(@Id String id, long revision, String name, boolean removed) {

    static final String COLLECTION = "catalogProducts";
}
