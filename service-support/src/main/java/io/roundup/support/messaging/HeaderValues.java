package io.roundup.support.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Kafka headers arrive as raw bytes or as strings depending on the mapper; Roundup's are always UTF-8 text. CloudEvents
 * attributes travel as {@code ce_type} and friends on Kafka, but Spring Cloud Function renames them to the
 * {@code ce-} prefix before a consumer sees them: either spelling is found.
 */
public final class HeaderValues {

    private static final String KAFKA_CE_PREFIX = "ce_";

    private static final String CANONICAL_CE_PREFIX = "ce-";

    private HeaderValues() {}

    public static Optional<String> text(Map<String, ?> headers, String name) {
        Object value = headers.get(name);
        if (value == null && name.startsWith(KAFKA_CE_PREFIX)) {
            value = headers.get(CANONICAL_CE_PREFIX + name.substring(KAFKA_CE_PREFIX.length()));
        }
        if (value instanceof byte[] bytes) {
            return Optional.of(new String(bytes, StandardCharsets.UTF_8));
        }
        return Optional.ofNullable(value).map(Object::toString);
    }
}
