package io.roundup.article.web;

import io.roundup.article.ArticleNotFound;
import io.roundup.article.InvalidArticle;
import io.roundup.article.NotAllowed;
import io.roundup.article.SlugTaken;
import io.roundup.article.TransitionRefused;
import io.roundup.article.UnknownProducts;
import io.roundup.support.web.ProblemAdvice;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns the article domain's exceptions into problem details; runs before the shared fallback advice. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ArticleProblems {

    @ExceptionHandler(ArticleNotFound.class)
    ProblemDetail notFound(ArticleNotFound ex) {
        return problem(HttpStatus.NOT_FOUND, "Not found", ex.getMessage());
    }

    @ExceptionHandler(SlugTaken.class)
    ProblemDetail slugTaken(SlugTaken ex) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "Slug taken", ex.getMessage());
        problem.setProperty("errors", Map.of("slug", List.of("is already taken")));
        return problem;
    }

    /** The request is well-formed but the article cannot be published as it stands: 422, naming each entry. */
    @ExceptionHandler(UnknownProducts.class)
    ProblemDetail unknownProducts(UnknownProducts ex) {
        ProblemDetail problem = problem(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "Unknown products",
                "Some entries name products that are not in the catalog; create the products or change the entries.");
        problem.setProperty("errors", ex.errors());
        return problem;
    }

    @ExceptionHandler(NotAllowed.class)
    ProblemDetail notAllowed(NotAllowed ex) {
        return problem(HttpStatus.FORBIDDEN, "Not allowed", ex.getMessage());
    }

    @ExceptionHandler(TransitionRefused.class)
    ProblemDetail transitionRefused(TransitionRefused ex) {
        return problem(HttpStatus.CONFLICT, "Not possible in this status", ex.getMessage());
    }

    @ExceptionHandler(InvalidArticle.class)
    ProblemDetail invalid(InvalidArticle ex) {
        return ProblemAdvice.validationProblem(ex.errors());
    }

    @ExceptionHandler(InvalidRequestBody.class)
    ProblemDetail invalidBody(InvalidRequestBody ex) {
        return ProblemAdvice.validationProblem(ex.errors());
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
