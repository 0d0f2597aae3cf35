package io.roundup.support.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.messaging.MessageHeaders;

/** Kafka headers arrive as raw bytes or as strings depending on the mapper; Roundup's are always UTF-8 text. */
public final class HeaderValues {

    private HeaderValues() {
    }

    public static Optional<String> text(MessageHeaders headers, String name) {
        Object value = headers.get(name);
        if (value instanceof byte[] bytes) {
            return Optional.of(new String(bytes, StandardCharsets.UTF_8));
        }
        return Optional.ofNullable(value).map(Object::toString);
    }
}
