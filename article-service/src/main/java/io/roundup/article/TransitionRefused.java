package io.roundup.article;

/** The requested workflow step does not apply to the article's current status. */
public class TransitionRefused extends RuntimeException {

    TransitionRefused(String message) {
        super(message);
    }
}
