package io.roundup.support.web;

import io.roundup.support.revision.IfMatch;
import io.roundup.support.revision.StaleRevision;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The fallback for errors no service-specific advice handled: Spring MVC's own exceptions become problem details
 * (via the base class), validation failures list every field under {@code errors}, and anything unexpected is a 500
 * that names the request id but never the exception. Services add their own advice for domain exceptions; it runs
 * first because this one has the lowest precedence.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemAdvice extends ResponseEntityExceptionHandler {

    /** The message for a server-owned field in a request body, the same whichever way it was detected. */
    public static final String SERVER_OWNED = "is set by the server and cannot be written";

    private static final Set<Class<?>> WHOLE_NUMBERS =
            Set.of(int.class, long.class, short.class, Integer.class, Long.class, Short.class, BigInteger.class);

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Map<String, List<String>> errors = new TreeMap<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            errors.computeIfAbsent(error.getField(), f -> new ArrayList<>()).add(error.getDefaultMessage());
        }
        ex.getBindingResult()
                .getGlobalErrors()
                .forEach(error -> errors.computeIfAbsent(error.getObjectName(), f -> new ArrayList<>())
                        .add(error.getDefaultMessage()));
        return ResponseEntity.badRequest().body(validationProblem(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Map<String, List<String>> errors = new TreeMap<>();
        ex.getParameterValidationResults().forEach(result -> {
            String name = result.getMethodParameter().getParameterName();
            result.getResolvableErrors()
                    .forEach(error -> errors.computeIfAbsent(name == null ? "request" : name, f -> new ArrayList<>())
                            .add(error.getDefaultMessage()));
        });
        return ResponseEntity.badRequest().body(validationProblem(errors));
    }

    /**
     * A body that is not JSON gets a plain 400; a field that is unknown, set by the server ({@link ServerOwned}) or of
     * the wrong type is named under {@code errors} by its path ({@code entries[1].heading}), like a validation error.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (ex.getCause() instanceof UnrecognizedPropertyException unknown) {
            return ResponseEntity.badRequest()
                    .body(validationProblem(Map.of(
                            path(unknown), List.of(isServerOwned(unknown) ? SERVER_OWNED : "is not a known field"))));
        }
        if (ex.getCause() instanceof MismatchedInputException mismatch
                && !mismatch.getPath().isEmpty()) {
            return ResponseEntity.badRequest()
                    .body(validationProblem(Map.of(path(mismatch), List.of("has the wrong JSON type or format"))));
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "The request body is not valid JSON for this operation.");
        problem.setTitle("Malformed request body");
        return ResponseEntity.badRequest().body(problem);
    }

    private static boolean isServerOwned(UnrecognizedPropertyException unknown) {
        ServerOwned owned = unknown.getReferringClass() == null
                ? null
                : unknown.getReferringClass().getAnnotation(ServerOwned.class);
        return owned != null && List.of(owned.value()).contains(unknown.getPropertyName());
    }

    /** {@code entries[1].heading}: the same notation as validation errors. */
    private static String path(JacksonException ex) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : ex.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    /** {@code size=abc}: named under {@code errors} like every other bad parameter. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "Parameter '" + ex.getName() + "' has an invalid value.");
        problem.setTitle("Invalid parameter");
        boolean whole = WHOLE_NUMBERS.contains(ex.getRequiredType());
        problem.setProperty(
                "errors", Map.of(ex.getName(), List.of(whole ? "must be a whole number" : "has an invalid value")));
        return problem;
    }

    @ExceptionHandler(InvalidQuery.class)
    ProblemDetail invalidQuery(InvalidQuery ex) {
        ProblemDetail problem = validationProblem(ex.errors());
        problem.setDetail("The request has invalid parameters.");
        return problem;
    }

    @ExceptionHandler(StaleRevision.class)
    ResponseEntity<ProblemDetail> staleRevision(StaleRevision ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED, ex.getMessage());
        problem.setTitle("Stale revision");
        problem.setProperty("currentRevision", ex.current());
        return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED)
                .eTag(IfMatch.etag(ex.current()))
                .body(problem);
    }

    @ExceptionHandler(IfMatch.Missing.class)
    ProblemDetail ifMatchMissing(IfMatch.Missing ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_REQUIRED, ex.getMessage());
        problem.setTitle("If-Match required");
        return problem;
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception ex) {
        log.error("Unhandled error", ex);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side"
                        + RequestIds.current()
                                .map(id -> " (request id " + id + ")")
                                .orElse("") + ".");
        problem.setTitle("Internal error");
        return problem;
    }

    /** A 400 whose {@code errors} maps each offending field to its messages. */
    public static ProblemDetail validationProblem(Map<String, List<String>> errors) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request has invalid fields.");
        problem.setTitle("Validation failed");
        problem.setProperty("errors", new LinkedHashMap<>(errors));
        return problem;
    }
}
