package io.roundup.product.web;

import io.roundup.product.ProductInUse;
import io.roundup.product.ProductNotFound;
import io.roundup.support.web.ProblemAdvice;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The catalog's outcomes as problem details; everything else falls through to service-support's {@link ProblemAdvice}. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProductProblems {

    @ExceptionHandler(ProductNotFound.class)
    ProblemDetail notFound(ProductNotFound ex) {
        return problem(HttpStatus.NOT_FOUND, "Product not found", "There is no product with this id.");
    }

    @ExceptionHandler(ProductInUse.class)
    ProblemDetail inUse(ProductInUse ex) {
        ProblemDetail problem = problem(
                HttpStatus.CONFLICT,
                "Product in use",
                "Published reviews still rank this product; change or unpublish them first.");
        problem.setProperty("articles", ex.articles());
        return problem;
    }

    @ExceptionHandler(RequestValidation.InvalidRequest.class)
    ProblemDetail invalid(RequestValidation.InvalidRequest ex) {
        return ProblemAdvice.validationProblem(ex.errors());
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
