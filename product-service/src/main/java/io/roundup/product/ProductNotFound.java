package io.roundup.product;

/** No product with this id exists (or it was deleted, or the id is not one this catalog could have issued). */
public class ProductNotFound extends RuntimeException {

    public ProductNotFound(String id) {
        super("No product " + id);
    }
}
