package io.roundup.search.query;

import io.roundup.support.web.ProblemAdvice;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Search's own failures as problem details; everything else falls through to the shared {@link ProblemAdvice}. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class SearchAdvice {

    private static final Logger log = LoggerFactory.getLogger(SearchAdvice.class);

    @ExceptionHandler(InvalidCursor.class)
    ProblemDetail invalidCursor(InvalidCursor ex) {
        return ProblemAdvice.validationProblem(
                Map.of("cursor", List.of("is not a cursor of this search; start again without one")));
    }

    @ExceptionHandler(InvalidFilter.class)
    ProblemDetail invalidFilter(InvalidFilter ex) {
        return ProblemAdvice.validationProblem(ex.errors());
    }

    @ExceptionHandler(ArticleNotFound.class)
    ProblemDetail notFound(ArticleNotFound ex) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No published article has this id.");
        problem.setTitle("Not found");
        return problem;
    }

    @ExceptionHandler(SearchUnavailable.class)
    ResponseEntity<ProblemDetail> unavailable(SearchUnavailable ex) {
        log.warn("Search unavailable: {} ({})", ex.getMessage(), String.valueOf(ex.getCause()));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE, "Search is unavailable for a moment; please try again shortly.");
        problem.setTitle("Search unavailable");
        long seconds = Math.max(1, (ex.retryAfter().toMillis() + 999) / 1000);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .body(problem);
    }
}
