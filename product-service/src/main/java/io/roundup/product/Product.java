package io.roundup.product;

import io.roundup.support.outbox.RelayedState;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A stored product, and its own outbox: every write raises {@code revision} and sets {@code announcePending} in the
 * same single-document update, and the relay clears the flag once that revision is on Kafka. A deleted product stays
 * as a tombstone ({@code deleted}) until its removal has been announced and beyond, so a late event cannot revive it.
 *
 * @param sortName the normalized name that lists sort by
 * @param searchKeys the normalized name from the start of each of its words, for prefix search
 * @param lastTraceparent the trace of the request that made this revision, continued on its Kafka record
 */
@Document(Product.COLLECTION)
public record Product(
        @Id String id,
        long revision,
        ProductDetails details,
        Instant createdAt,
        Instant updatedAt,
        boolean deleted,
        String sortName,
        List<String> searchKeys,
        String lastRequestId,
        String lastTraceparent,
        boolean announcePending,
        long announcedRevision)
        implements RelayedState {

    public static final String COLLECTION = "products";

    /** When a change is made, and in which request and trace ({@code traceparent}, may be null). */
    record Change(Instant at, String requestId, String traceparent) {}

    /** A new product at revision 1, pending announcement. */
    static Product created(String id, ProductDetails details, Change change) {
        return new Product(
                id,
                1,
                details,
                change.at(),
                change.at(),
                false,
                SearchKeys.normalize(details.name()),
                SearchKeys.of(details.name()),
                change.requestId(),
                change.traceparent(),
                true,
                0);
    }
}
