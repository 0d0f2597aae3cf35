package io.roundup.search.query;

/** No published article has this id. */
class ArticleNotFound extends RuntimeException {

    ArticleNotFound(String id) {
        super("No published article with id " + id);
    }
}
