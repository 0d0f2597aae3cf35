package io.roundup.search.query;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import java.io.IOException;

/**
 * How a read of the review index fails for readers: Elasticsearch away, overloaded or without the index yet is
 * {@link SearchUnavailable} (a 503 that says to try again); anything else is a fault of the request and stays as it is.
 */
final class SearchCalls {

    private SearchCalls() {}

    interface ElasticsearchCall<T> {
        T call() throws IOException;
    }

    static <T> T call(ElasticsearchCall<T> call) {
        try {
            return call.call();
        } catch (IOException ex) {
            throw new SearchUnavailable("Elasticsearch is unreachable", ex);
        } catch (ElasticsearchException ex) {
            if (ex.status() >= 500
                    || ex.status() == 429
                    || "index_not_found_exception".equals(ex.error().type())) {
                throw new SearchUnavailable("Elasticsearch cannot answer: " + ex.getMessage(), ex);
            }
            throw ex;
        }
    }
}
