package io.roundup.search.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class CursorTests {

    @Test
    void aCursorRoundTripsThroughItsOpaqueForm() {
        Cursor relevance = new Cursor(SortMode.RELEVANCE, List.of(3.25, 1763630100000L, "6650f1c2a1b2c3d4e5f60718"));
        Cursor newest = new Cursor(SortMode.NEWEST, List.of(1763630100000L, "6650f1c2a1b2c3d4e5f60718"));

        assertThat(Cursor.decode(relevance.encode())).isEqualTo(relevance);
        assertThat(Cursor.decode(newest.encode())).isEqualTo(newest);
        assertThat(relevance.encode()).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void aRelevanceCursorCarriesItsPointInTime() {
        String pit = "gcSHBAEGcmV2aWV3cy12MRZx_-AAAA==";
        Cursor cursor = new Cursor(SortMode.RELEVANCE, List.of(3.25, 1763630100000L, "x"), pit);

        assertThat(Cursor.decode(cursor.encode())).isEqualTo(cursor);
        assertThat(Cursor.decode(cursor.encode()).pit()).isEqualTo(pit);
        assertThat(Cursor.decode(new Cursor(SortMode.RELEVANCE, List.of(1.0, 1L, "x")).encode())
                        .pit())
                .isNull();
    }

    @Test
    void aWholeNumberScoreStaysANumber() {
        Cursor cursor = new Cursor(SortMode.RELEVANCE, List.of(2.0, 1763630100000L, "x"));

        assertThat(Cursor.decode(cursor.encode()).after().getFirst()).isEqualTo(2.0);
    }

    @Test
    void anythingElseIsInvalid() {
        List<String> forged = List.of(
                "",
                "!!!",
                "e30",
                b64("[]"),
                b64("{\"m\":\"newest\"}"),
                b64("{\"m\":\"cheapest\",\"a\":[1,\"x\"]}"),
                b64("{\"m\":\"newest\",\"a\":[1,2]}"),
                b64("{\"m\":\"newest\",\"a\":[\"x\",1]}"),
                b64("{\"m\":\"newest\",\"a\":[1.5,\"x\"]}"),
                b64("{\"m\":\"relevance\",\"a\":[1,\"x\"]}"),
                b64("{\"m\":\"newest\",\"a\":[1,\"x\"],\"q\":1}"),
                b64("not json"),
                b64("{\"m\":\"newest\",\"a\":[1,\"x\"],\"p\":\"abc\"}"),
                b64("{\"m\":\"relevance\",\"a\":[1.5,1,\"x\"],\"p\":7}"),
                b64("{\"m\":\"relevance\",\"a\":[1.5,1,\"x\"],\"p\":\"a b\"}"),
                b64("{\"m\":\"relevance\",\"a\":[1.5,1,\"x\"],\"p\":\"" + "a".repeat(2049) + "\"}"));
        for (String cursor : forged) {
            assertThatThrownBy(() -> Cursor.decode(cursor)).as(cursor).isInstanceOf(InvalidCursor.class);
        }
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
