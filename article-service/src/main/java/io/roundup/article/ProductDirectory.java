package io.roundup.article;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/** Which products the catalog has, as far as this service has heard: what publishing checks the entries against. */
public interface ProductDirectory {

    /**
     * The ids among {@code productIds} that name no product of the catalog (never created, or removed). A product
     * created a moment ago may not have reached this service yet; implementations wait a little for it.
     */
    Set<String> unknown(Collection<String> productIds);

    /** What is known of each of these products, by id; products that are unknown or removed are left out. */
    Map<String, ProductCard> cards(Collection<String> productIds);
}
