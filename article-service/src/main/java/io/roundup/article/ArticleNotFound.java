package io.roundup.article;

/** No article (or no such revision of it) exists for the caller: unknown, malformed, deleted or not visible. */
public class ArticleNotFound extends RuntimeException {

    public ArticleNotFound() {
        super("No such article.");
    }
}
