package io.roundup.gateway.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An error the gateway answers itself, with a title and detail written for the client: the error handler sends it as
 * it is, while other exceptions get a generic detail so that internals never leak.
 */
public class ProblemException extends ErrorResponseException {

    public ProblemException(HttpStatus status, String title, String detail) {
        this(status, title, detail, HttpHeaders.EMPTY);
    }

    public ProblemException(HttpStatus status, String title, String detail, HttpHeaders headers) {
        super(status, problem(status, title, detail), null);
        getHeaders().putAll(headers);
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
