package io.roundup.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** CloudEvents 1.0 attributes as Kafka headers (binary content mode), plus Roundup's request id. */
public final class CloudEventHeaders {

    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String SPEC_VERSION_1_0 = "1.0";

    /** The id of the HTTP request that caused the event, so one id follows a change from the gateway to the index. */
    public static final String REQUEST_ID = "roundup_requestid";

    /** {@code ce_source} of what article-service announces on {@link Topics#ARTICLES}. */
    public static final String ARTICLE_SERVICE_SOURCE = "/article-service";

    /** {@code ce_source} of what product-service announces on {@link Topics#PRODUCTS}. */
    public static final String PRODUCT_SERVICE_SOURCE = "/product-service";

    /** {@code ce_source} of what search-service announces on {@link Topics#SEARCH_INDEXED}. */
    public static final String SEARCH_SERVICE_SOURCE = "/search-service";

    private CloudEventHeaders() {}

    /**
     * The headers of one event's record, in the order producers write them, as UTF-8 bytes; the request id only when
     * there is one. Every producer of Roundup's topics (the services' relays, the benchmarks' corpus loader) writes
     * them through here, so they cannot drift apart.
     */
    public static Map<String, byte[]> of(
            String id, EventType type, String source, String subject, Instant time, String requestId) {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        headers.put(ID, utf8(id));
        headers.put(TYPE, utf8(type.ceType()));
        headers.put(SOURCE, utf8(source));
        headers.put(SUBJECT, utf8(subject));
        headers.put(TIME, utf8(time.toString()));
        headers.put(SPEC_VERSION, utf8(SPEC_VERSION_1_0));
        if (requestId != null) {
            headers.put(REQUEST_ID, utf8(requestId));
        }
        return headers;
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
