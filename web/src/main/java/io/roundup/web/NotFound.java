package io.roundup.web;

/** Nothing public at this address: answered with the site's 404 page. */
public class NotFound extends RuntimeException {

    public NotFound() {
        super("not found", null, false, false);
    }
}
