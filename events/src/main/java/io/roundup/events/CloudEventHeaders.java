package io.roundup.events;

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

    private CloudEventHeaders() {}
}
