package io.roundup.article;

/** The caller may write articles, but not this change to this article (an editorial rule, not a missing role). */
public class NotAllowed extends RuntimeException {

    NotAllowed(String message) {
        super(message);
    }
}
