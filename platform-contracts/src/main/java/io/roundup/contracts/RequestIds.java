package io.roundup.contracts;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The X-Request-Id header that ties one client request to every log line and event it causes. The gateway applies
 * these rules to what clients send; every service applies them again, since it may be reached without the gateway.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";

    /** The logging MDC key under which every service and the gateway keep the id of the request being handled. */
    public static final String MDC_KEY = "requestId";

    // Anything else could smuggle log-forging characters or unbounded text into every service's logs.
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private RequestIds() {}

    /** The offered id when it is short and plain (letters, digits, {@code . _ -}, at most 64); otherwise a new UUID. */
    public static String acceptOrCreate(String offered) {
        return offered != null && ACCEPTABLE.matcher(offered).matches()
                ? offered
                : UUID.randomUUID().toString();
    }
}
