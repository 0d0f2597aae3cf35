package io.roundup.search.indexing;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.roundup.search.indexing.ReviewDocument.Price;
import io.roundup.search.indexing.ReviewDocument.ProductSummary;
import io.roundup.search.indices.SearchIndices;

/** A product as the {@value SearchIndices#PRODUCTS} index stores it; a removed product stays as a tombstone. */
@JsonIgnoreProperties(ignoreUnknown = true)
record ProductDocument(
        String id, long revision, String status, String name, String kind, String brand, Price lowestPrice) {

    static final String ACTIVE = "ACTIVE";
    static final String REMOVED = "REMOVED";

    @JsonIgnore
    boolean isActive() {
        return ACTIVE.equals(status);
    }

    @JsonIgnore
    ProductSummary summary() {
        return new ProductSummary(id, name, kind, lowestPrice);
    }
}
