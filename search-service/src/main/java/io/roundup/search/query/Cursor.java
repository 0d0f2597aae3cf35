package io.roundup.search.query;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Where the next page starts: the sort values of the last hit of this page ({@code search_after}), the sort mode
 * they belong to and, for relevance-sorted pages after the first, the Elasticsearch point in time they were read from.
 * On the wire it is opaque: base64url of a small JSON object. Anything that does not decode to the expected shape is
 * an {@link InvalidCursor}.
 *
 * @param mode the ordering the values belong to
 * @param after the sort values: numbers (a score or a date in epoch millis) and the id, a string, last
 * @param pit the point in time's id, or null
 */
record Cursor(SortMode mode, List<Object> after, @Nullable String pit) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** What a point-in-time id may look like: Elasticsearch's are base64, a few hundred characters. */
    private static final Pattern PIT = Pattern.compile("[A-Za-z0-9+/=_-]{1,2048}");

    Cursor {
        after = List.copyOf(after);
    }

    Cursor(SortMode mode, List<Object> after) {
        this(mode, after, null);
    }

    String encode() {
        ObjectNode node = JSON.createObjectNode();
        node.put("m", mode.param());
        if (pit != null) {
            node.put("p", pit);
        }
        ArrayNode values = node.putArray("a");
        for (Object value : after) {
            switch (value) {
                case Long l -> values.add(l);
                case Integer i -> values.add(i.longValue());
                case Double d -> values.add(d);
                case Float f -> values.add(f.doubleValue());
                case String s -> values.add(s);
                default -> throw new IllegalArgumentException("Unsupported sort value " + value);
            }
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(node));
    }

    static Cursor decode(String text) {
        try {
            JsonNode node = JSON.readTree(Base64.getUrlDecoder().decode(text.getBytes(StandardCharsets.US_ASCII)));
            SortMode mode = SortMode.of(node.path("m").asString("")).orElseThrow(InvalidCursor::new);
            JsonNode values = node.path("a");
            int expected = mode == SortMode.RELEVANCE ? 3 : 2;
            JsonNode pit = node.path("p");
            boolean hasPit = !pit.isMissingNode();
            if (!values.isArray() || values.size() != expected || node.size() != (hasPit ? 3 : 2)) {
                throw new InvalidCursor();
            }
            if (hasPit
                    && (mode != SortMode.RELEVANCE
                            || !pit.isString()
                            || !PIT.matcher(pit.asString()).matches())) {
                throw new InvalidCursor();
            }
            List<Object> after = new ArrayList<>(expected);
            for (int i = 0; i < expected; i++) {
                JsonNode value = values.get(i);
                boolean last = i == expected - 1;
                if (last && value.isString()) {
                    after.add(value.asString());
                } else if (!last && mode == SortMode.RELEVANCE && i == 0 && value.isNumber()) {
                    after.add(value.asDouble());
                } else if (!last && value.isIntegralNumber()) {
                    after.add(value.asLong());
                } else {
                    throw new InvalidCursor();
                }
            }
            return new Cursor(mode, after, hasPit ? pit.asString() : null);
        } catch (IllegalArgumentException | JacksonException ex) {
            throw new InvalidCursor();
        }
    }
}
