package io.roundup.gateway.web;

import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The rules for the X-Request-Id header that ties one client request to every log line and event it causes. */
final class RequestIds {

    static final String HEADER = "X-Request-Id";

    static final String MDC_KEY = "requestId";

    // Anything else could smuggle log-forging characters or unbounded text into every service's logs.
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private RequestIds() {}

    static String acceptOrCreate(@Nullable String offered) {
        if (offered != null && ACCEPTABLE.matcher(offered).matches()) {
            return offered;
        }
        return UUID.randomUUID().toString();
    }
}
