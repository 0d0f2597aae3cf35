package io.roundup.web.api;

/** The API did not answer, or answered with a server error: the page says so and asks the reader to retry. */
public class ApiUnavailable extends RuntimeException {

    ApiUnavailable(String path, Throwable cause) {
        super("The API did not answer " + path + ": " + cause.getMessage(), cause);
    }
}
