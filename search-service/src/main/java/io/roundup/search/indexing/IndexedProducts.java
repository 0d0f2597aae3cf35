package io.roundup.search.indexing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import io.roundup.search.indexing.ReviewDocument.ProductSummary;
import io.roundup.search.indices.Unreachable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;

/** Reads products from a products index (real-time gets, so a product written a moment ago is seen). */
@Component
class IndexedProducts {

    private final ElasticsearchClient client;

    IndexedProducts(ElasticsearchClient client) {
        this.client = client;
    }

    /** The active products among {@code ids}, in the order given; unknown and removed ones are left out. */
    static List<ProductSummary> summaries(List<String> ids, Map<String, ProductSummary> known) {
        return ids.stream().map(known::get).filter(Objects::nonNull).toList();
    }

    /** The active products among {@code ids} in {@code index}, by id. */
    Map<String, ProductSummary> lookup(String index, Collection<String> ids) {
        Map<String, ProductSummary> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        try {
            MgetResponse<ProductDocument> response =
                    client.mget(m -> m.index(index).ids(new ArrayList<>(ids)), ProductDocument.class);
            for (MultiGetResponseItem<ProductDocument> item : response.docs()) {
                if (item.isFailure()) {
                    throw Writes.classify(
                            "a product lookup", 500, item.failure().error());
                }
                ProductDocument product = item.result().found() ? item.result().source() : null;
                if (product != null && product.isActive()) {
                    found.put(product.id(), product.summary());
                }
            }
            return found;
        } catch (IOException ex) {
            throw Unreachable.elasticsearch(ex);
        }
    }
}
