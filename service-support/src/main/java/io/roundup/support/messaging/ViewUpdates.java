package io.roundup.support.messaging;

import io.roundup.events.CloudEventHeaders;
import io.roundup.events.EventCodec;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;

/**
 * A Spring Cloud Stream consumer that keeps a small view of another service's entities from their state events. A
 * message that is not an event of the expected family is logged and skipped: such views only answer "does it exist,
 * is it live", and the entity's next event repairs them. (Consumers that must not lose one, like the search index,
 * dead-letter instead.)
 */
public final class ViewUpdates {

    private static final Logger log = LoggerFactory.getLogger(ViewUpdates.class);

    private ViewUpdates() {}

    public static <E> Consumer<Message<byte[]>> of(Class<E> family, Consumer<E> view) {
        EventCodec codec = new EventCodec();
        return message -> {
            String type = HeaderValues.text(message.getHeaders(), CloudEventHeaders.TYPE)
                    .orElse(null);
            try {
                Object event = type == null ? null : codec.read(type, message.getPayload());
                if (!family.isInstance(event)) {
                    log.warn("Skipped a message that is not a {} (type {})", family.getSimpleName(), type);
                    return;
                }
                view.accept(family.cast(event));
            } catch (EventCodec.UnreadableEvent ex) {
                log.warn("Skipped an unreadable {} (type {}): {}", family.getSimpleName(), type, ex.getMessage());
            }
        };
    }
}
