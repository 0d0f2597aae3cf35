package io.roundup.gateway.web;

import io.netty.handler.timeout.ReadTimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.NotFoundException;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;

/**
 * Turns every failure inside the gateway into problem+json: its own refusals, unknown routes, malformed input, and a
 * service that cannot be reached or does not answer. Answers that services send pass through untouched; this only
 * runs when there is no such answer.
 */
@Component
@Order(-2) // ahead of Boot's DefaultErrorWebExceptionHandler (-1), which would answer with its own JSON shape
class GatewayErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);

    private final ProblemWriter problems;

    GatewayErrorHandler(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(ex);
        }
        Answer answer = answer(exchange, ex);
        return problems.write(exchange, answer.problem(), answer.headers());
    }

    private Answer answer(ServerWebExchange exchange, Throwable ex) {
        if (ex instanceof ProblemException problem) {
            return new Answer(problem.getBody(), problem.getHeaders());
        }
        if (ex instanceof WebExchangeBindException invalid) {
            return invalid(invalid);
        }
        if (causedBy(ex, DataBufferLimitException.class)) {
            return answer(
                    HttpStatus.CONTENT_TOO_LARGE,
                    "Request body too large",
                    "The request body is larger than the gateway accepts.");
        }
        if (ex instanceof NotFoundException // the load balancer has no copy of the service to offer
                || causedBy(ex, ConnectException.class)
                || causedBy(ex, UnknownHostException.class)
                || causedBy(ex, NoRouteToHostException.class)) {
            log.warn("The {} service is not reachable: {}", area(exchange), ex.toString());
            return answer(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "Service unavailable",
                    "The " + area(exchange) + " service is not reachable right now; try again shortly.");
        }
        // closed before an answer, or reset (a copy killed mid-request): whether the request was applied is unknown
        if (causedBy(ex, PrematureCloseException.class) || causedBy(ex, IOException.class)) {
            log.warn("The {} service closed the connection before answering: {}", area(exchange), ex.toString());
            return answer(
                    HttpStatus.BAD_GATEWAY,
                    "Bad gateway",
                    "The " + area(exchange) + " service closed the connection before answering; try again shortly.");
        }
        if (causedBy(ex, TimeoutException.class) || causedBy(ex, ReadTimeoutException.class)) {
            return gatewayTimeout(exchange);
        }
        if (ex instanceof ServerWebInputException) {
            return answer(
                    HttpStatus.BAD_REQUEST,
                    "Malformed request",
                    "The request body is missing or is not valid JSON of the expected shape.");
        }
        if (ex instanceof ErrorResponse error) {
            return fromStatus(exchange, error);
        }
        log.error(
                "Unexpected failure while handling {} {}",
                exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(),
                ex);
        return answer(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Internal error",
                "Something went wrong in the gateway; quote the request id when you report it.");
    }

    private Answer fromStatus(ServerWebExchange exchange, ErrorResponse error) {
        HttpStatus status = HttpStatus.resolve(error.getStatusCode().value());
        if (status == null) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        String detail = switch (status) {
            case NOT_FOUND -> "There is nothing at this address.";
            case METHOD_NOT_ALLOWED ->
                "This address does not accept the "
                        + exchange.getRequest().getMethod().name() + " method.";
            case NOT_ACCEPTABLE -> "This address cannot answer in the media type that was asked for.";
            case UNSUPPORTED_MEDIA_TYPE -> "Send the request body as application/json.";
            case CONTENT_TOO_LARGE -> "The request body is larger than the gateway accepts.";
            case GATEWAY_TIMEOUT -> timeoutDetail(exchange);
            default ->
                status.is5xxServerError()
                        ? "Something went wrong in the gateway; try again shortly."
                        : status.getReasonPhrase() + ".";
        };
        if (status == HttpStatus.GATEWAY_TIMEOUT) {
            log.warn("The {} service did not answer in time", area(exchange));
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        return new Answer(problem, error.getHeaders());
    }

    private Answer gatewayTimeout(ServerWebExchange exchange) {
        log.warn("The {} service did not answer in time", area(exchange));
        return answer(HttpStatus.GATEWAY_TIMEOUT, "Gateway timeout", timeoutDetail(exchange));
    }

    private static String timeoutDetail(ServerWebExchange exchange) {
        return "The " + area(exchange) + " service did not answer in time; try again shortly.";
    }

    private static Answer invalid(WebExchangeBindException invalid) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (FieldError error : invalid.getFieldErrors()) {
            errors.computeIfAbsent(error.getField(), field -> new ArrayList<>())
                    .add(String.valueOf(error.getDefaultMessage()));
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "Some fields of the request are missing or invalid.");
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return new Answer(problem, HttpHeaders.EMPTY);
    }

    /** The name of the service behind the matched route, from its {@code area} metadata; never a host name. */
    private static String area(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        Object area = route != null ? route.getMetadata().get("area") : null;
        return area != null ? area.toString() : "requested";
    }

    private static Answer answer(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return new Answer(problem, HttpHeaders.EMPTY);
    }

    private static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private record Answer(ProblemDetail problem, HttpHeaders headers) {}
}
