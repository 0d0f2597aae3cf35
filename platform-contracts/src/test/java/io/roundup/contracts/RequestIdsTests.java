package io.roundup.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestIdsTests {

    @ParameterizedTest
    @ValueSource(
            strings = {"abc", "req-42", "A.b_C-9", "0123456789012345678901234567890123456789012345678901234567890123"})
    void keepsAnIdMadeOfSafeCharactersUpTo64Long(String offered) {
        assertThat(RequestIds.acceptOrCreate(offered)).isEqualTo(offered);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "has space",
                "new\nline",
                "quote\"",
                "semi;colon",
                "slash/",
                "ünïcode",
                "01234567890123456789012345678901234567890123456789012345678901234"
            })
    void replacesAMissingOrUnsafeIdWithAFreshUuid(String offered) {
        String id = RequestIds.acceptOrCreate(offered);

        assertThat(id).isNotEqualTo(offered);
        assertThatNoException().isThrownBy(() -> UUID.fromString(id));
    }

    @Test
    void generatesADifferentIdEachTime() {
        assertThat(RequestIds.acceptOrCreate(null)).isNotEqualTo(RequestIds.acceptOrCreate(null));
    }
}
