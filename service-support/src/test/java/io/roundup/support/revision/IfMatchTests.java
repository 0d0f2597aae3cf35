package io.roundup.support.revision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class IfMatchTests {

    @Test
    void aStrongTagNamesItsRevision() {
        assertThat(IfMatch.required("\"3\"")).isEqualTo(ExpectedRevision.exactly(3));
        assertThat(IfMatch.required("\"3\"").matches(3)).isTrue();
        assertThat(IfMatch.required("\"3\"").matches(4)).isFalse();
    }

    @Test
    void aListMatchesWhenAnyOfItsTagsIsCurrent() {
        ExpectedRevision expected = IfMatch.required("\"3\", \"5\"");

        assertThat(expected.revisions()).isEqualTo(Set.of(3L, 5L));
        assertThat(expected.matches(5)).isTrue();
    }

    @Test
    void aStarMatchesAnyRevision() {
        assertThat(IfMatch.required("*").matches(42)).isTrue();
    }

    @Test
    void weakOrUnreadableTagsMatchNothing() {
        assertThat(IfMatch.required("W/\"3\"").matches(3)).isFalse();
        assertThat(IfMatch.required("\"three\"").matches(3)).isFalse();
    }

    @Test
    void anAbsentHeaderIsRefusedOnlyWhereItIsRequired() {
        assertThatThrownBy(() -> IfMatch.required(null)).isInstanceOf(IfMatch.Missing.class);
        assertThatThrownBy(() -> IfMatch.required(" ")).isInstanceOf(IfMatch.Missing.class);
        assertThat(IfMatch.optional(null).isAny()).isTrue();
    }

    @Test
    void theETagOfARevisionIsItsNumberInQuotes() {
        assertThat(IfMatch.etag(7)).isEqualTo("\"7\"");
    }
}
