package io.roundup.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorResponse;
import co.elastic.clients.elasticsearch.core.search.HighlighterType;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Searches highlight from term vectors, and fall back for a while on an index that has none. */
class HighlighterChoiceTests {

    private final AtomicLong now = new AtomicLong(1_000);
    private final HighlighterChoice choice = new HighlighterChoice(now::get);

    @Test
    void theFastVectorHighlighterUntilTheIndexRefusesItThenTheUnifiedOneForAMinute() {
        assertThat(choice.current()).isEqualTo(HighlighterType.FastVector);

        choice.fallBack();
        now.addAndGet(HighlighterChoice.RETRY_AFTER.toNanos() - 1);
        assertThat(choice.current()).isEqualTo(HighlighterType.Unified);

        now.addAndGet(1);
        assertThat(choice.current()).isEqualTo(HighlighterType.FastVector);
    }

    @Test
    void aFieldWithoutTermVectorsIsTheRefusalThatCountsNotAnyBadRequest() {
        assertThat(HighlighterChoice.refusesFastVectors(
                        refused("the field [title] should be indexed with term vector with position offsets to be used "
                                + "with fast vector highlighter")))
                .isTrue();
        assertThat(HighlighterChoice.refusesFastVectors(refused("failed to create query: too many clauses")))
                .isFalse();
    }

    private static ElasticsearchException refused(String reason) {
        return new ElasticsearchException(
                "es/search",
                ErrorResponse.of(e -> e.status(400)
                        .error(c -> c.type("search_phase_execution_exception")
                                .reason("all shards failed")
                                .rootCause(r ->
                                        r.type("illegal_argument_exception").reason(reason)))));
    }
}
