package io.roundup.search.query;

/** A cursor this service did not hand out, or one for another sort order. */
class InvalidCursor extends RuntimeException {

    InvalidCursor() {
        super("The cursor is not valid for this search.");
    }
}
