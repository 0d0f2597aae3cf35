package io.roundup.support.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.util.MultiValueMap;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The rules every query parameter and path variable of every service obeys, checked before a handler runs so that no
 * store or search engine ever sees input it would choke on (the MongoDB driver refuses a NUL in a regex, Tomcat throws
 * on bad percent-encoding the moment a parameter is read). A query parameter must be percent-encoded UTF-8 without
 * control characters and at most {@value #MAX_VALUE_LENGTH} characters long, at most {@value #MAX_PARAMETERS} of
 * them; one a handler takes as a single value may be given once. A path variable must be free of control characters
 * and at most {@value #MAX_PATH_VARIABLE_LENGTH} characters long. Each endpoint keeps its own, tighter limits
 * ({@code q}, {@code size}, …); these hold where it has none.
 */
final class ParameterRules implements HandlerInterceptor {

    static final int MAX_PARAMETERS = 100;
    static final int MAX_VALUE_LENGTH = 1000;
    static final int MAX_PATH_VARIABLE_LENGTH = 200;

    private static final ParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

    private final Map<Method, Set<String>> singleValued = new ConcurrentHashMap<>();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getDispatcherType() != DispatcherType.REQUEST || !(handler instanceof HandlerMethod method)) {
            return true;
        }
        InvalidQuery problems = new InvalidQuery();
        Map<String, Integer> counts = checkQuery(request.getQueryString(), problems);
        for (String name : singleValued.computeIfAbsent(method.getMethod(), m -> singleValued(method))) {
            if (counts.getOrDefault(name, 0) > 1) {
                problems.add(name, "must be given at most once");
            }
        }
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
            variables.forEach(
                    (name, value) -> checkPathVariable(String.valueOf(name), String.valueOf(value), problems));
        }
        problems.throwIfAny();
        return true;
    }

    /** How often each parameter name occurs; every fault is added to {@code problems}. */
    private static Map<String, Integer> checkQuery(String query, InvalidQuery problems) {
        Map<String, Integer> counts = new HashMap<>();
        if (query == null || query.isEmpty()) {
            return counts;
        }
        List<String> pairs = new ArrayList<>();
        for (String pair : query.split("&")) {
            if (!pair.isEmpty()) {
                pairs.add(pair);
            }
        }
        if (pairs.size() > MAX_PARAMETERS) {
            problems.add("query", "must have at most " + MAX_PARAMETERS + " parameters");
            return counts;
        }
        for (String pair : pairs) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (name == null) {
                problems.add("query", "must be percent-encoded UTF-8");
                continue;
            }
            counts.merge(name, 1, Integer::sum);
            if (value == null) {
                problems.add(name, "must be percent-encoded UTF-8");
            } else if (hasControlCharacter(name) || hasControlCharacter(value)) {
                problems.add(name, "must not contain control characters");
            } else if (value.length() > MAX_VALUE_LENGTH) {
                problems.add(name, "must be at most " + MAX_VALUE_LENGTH + " characters");
            }
        }
        return counts;
    }

    private static void checkPathVariable(String name, String value, InvalidQuery problems) {
        if (hasControlCharacter(value)) {
            problems.add(name, "must not contain control characters");
        } else if (value.length() > MAX_PATH_VARIABLE_LENGTH) {
            problems.add(name, "must be at most " + MAX_PATH_VARIABLE_LENGTH + " characters");
        }
    }

    /** Form-style decoding ({@code +} is a space) that refuses what Tomcat would refuse or garble; null when invalid. */
    static String decode(String raw) {
        if (raw.indexOf('%') < 0 && raw.indexOf('+') < 0) {
            return raw;
        }
        ByteBuffer bytes = ByteBuffer.allocate(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '+') {
                bytes.put((byte) ' ');
            } else if (c != '%') {
                if (c > 0xff) {
                    return null; // the container hands over raw bytes as ISO-8859-1: anything above is not a byte
                }
                bytes.put((byte) c);
            } else {
                int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int low = high < 0 ? -1 : Character.digit(raw.charAt(i + 2), 16);
                if (low < 0) {
                    return null;
                }
                bytes.put((byte) (high << 4 | low));
                i += 2;
            }
        }
        bytes.flip();
        try {
            // Strict: malformed sequences, overlong forms (%C0%80) and encoded surrogates (%ED%A0%80) are refused.
            CharBuffer chars = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes);
            return chars.toString();
        } catch (CharacterCodingException ex) {
            return null;
        }
    }

    /** C0 controls (NUL, tab, line breaks…), DEL and the C1 controls. */
    static boolean hasControlCharacter(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** The query parameters the handler binds to a single value (not a list, array or map). */
    private static Set<String> singleValued(HandlerMethod method) {
        String[] discovered = NAMES.getParameterNames(method.getMethod());
        return Arrays.stream(method.getMethodParameters())
                .filter(parameter -> parameter.hasParameterAnnotation(RequestParam.class))
                .filter(parameter -> !multiValued(parameter.nestedIfOptional().getNestedParameterType()))
                .map(parameter -> name(parameter, discovered))
                .filter(StringUtils::hasText)
                .collect(Collectors.toUnmodifiableSet());
    }

    private static boolean multiValued(Class<?> type) {
        return type.isArray()
                || Collection.class.isAssignableFrom(type)
                || Map.class.isAssignableFrom(type)
                || MultiValueMap.class.isAssignableFrom(type);
    }

    private static String name(MethodParameter parameter, String[] discovered) {
        RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
        if (annotation != null && StringUtils.hasText(annotation.name())) {
            return annotation.name();
        }
        int index = parameter.getParameterIndex();
        return discovered != null && index < discovered.length ? discovered[index] : null;
    }
}
