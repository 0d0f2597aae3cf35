package io.roundup.events;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes event payloads. Unknown fields are ignored so that adding an optional field
 * stays compatible; an unknown {@code ce_type} or unreadable JSON is an {@link UnreadableEvent}.
 */
public final class EventCodec {

    private final JsonMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public byte[] write(Object event) {
        EventType.of(event);
        return mapper.writeValueAsBytes(event);
    }

    public Object read(String ceType, byte[] payload) {
        EventType type =
                EventType.ofCeType(ceType).orElseThrow(() -> new UnreadableEvent("unknown ce_type '" + ceType + "'"));
        try {
            Object event = mapper.readValue(payload, type.payloadType());
            if (event == null) {
                throw new UnreadableEvent("empty payload for " + ceType);
            }
            return event;
        } catch (JacksonException ex) {
            throw new UnreadableEvent("payload is not a valid " + ceType + ": " + ex.getOriginalMessage());
        }
    }

    /** A message that no retry can make readable: it belongs on a dead-letter topic. */
    public static final class UnreadableEvent extends RuntimeException {

        public UnreadableEvent(String reason) {
            super(reason);
        }
    }
}
