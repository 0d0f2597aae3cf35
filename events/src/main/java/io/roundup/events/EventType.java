package io.roundup.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * The versioned {@code ce_type} of every event record. Adding an optional field keeps the type;
 * any other change is a new constant with a new version, read alongside the old one until it is gone.
 */
public enum EventType {
    ARTICLE_CHANGED_V1("roundup.article.v1", ArticleChanged.class),
    ARTICLE_REMOVED_V1("roundup.article.removed.v1", ArticleRemoved.class),
    PRODUCT_CHANGED_V1("roundup.product.v1", ProductChanged.class),
    PRODUCT_REMOVED_V1("roundup.product.removed.v1", ProductRemoved.class),
    ARTICLE_INDEXED_V1("roundup.search.indexed.v1", ArticleIndexed.class);

    private final String ceType;
    private final Class<?> payloadType;

    EventType(String ceType, Class<?> payloadType) {
        this.ceType = ceType;
        this.payloadType = payloadType;
    }

    public String ceType() {
        return ceType;
    }

    public Class<?> payloadType() {
        return payloadType;
    }

    public static Optional<EventType> ofCeType(String ceType) {
        return Arrays.stream(values()).filter(t -> t.ceType.equals(ceType)).findFirst();
    }

    public static EventType of(Object payload) {
        return Arrays.stream(values())
                .filter(t -> t.payloadType == payload.getClass())
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Not an event record: " + payload.getClass()));
    }
}
