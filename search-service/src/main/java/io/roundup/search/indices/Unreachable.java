package io.roundup.search.indices;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Elasticsearch could not be reached, as every search package reports it: a passing failure, never the caller's. */
public final class Unreachable {

    private Unreachable() {}

    public static UncheckedIOException elasticsearch(IOException ex) {
        return new UncheckedIOException("Elasticsearch is unreachable: " + ex.getMessage(), ex);
    }
}
