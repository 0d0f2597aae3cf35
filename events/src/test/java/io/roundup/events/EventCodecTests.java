package io.roundup.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EventCodecTests {

    private final EventCodec codec = new EventCodec();
    private final JsonMapper json = JsonMapper.builder().build();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyTypeReadsItsGoldenSampleAndWritesItBackUnchanged(EventType type) {
        byte[] golden = golden(type);

        Object event = codec.read(type.ceType(), golden);

        assertThat(event).isInstanceOf(type.payloadType());
        assertThat(json.readTree(codec.write(event))).isEqualTo(json.readTree(golden));
    }

    @Test
    void moneyTravelsAsADecimalStringNotAFloat() {
        ProductChanged product =
                (ProductChanged) codec.read("roundup.product.v1", golden(EventType.PRODUCT_CHANGED_V1));

        JsonNode price = json.readTree(codec.write(product)).at("/offers/0/price/amount");

        assertThat(price.isString()).isTrue();
        assertThat(price.asString()).isEqualTo("129.00");
    }

    @Test
    void anAddedOptionalFieldIsIgnoredByOlderReaders() {
        String withExtra = new String(golden(EventType.ARTICLE_REMOVED_V1), StandardCharsets.UTF_8)
                .replaceFirst("\\{", "{ \"reason\": \"legal\",");

        ArticleRemoved removed =
                (ArticleRemoved) codec.read("roundup.article.removed.v1", withExtra.getBytes(StandardCharsets.UTF_8));

        assertThat(removed.revision()).isEqualTo(8);
    }

    @Test
    void anUnknownTypeOrBrokenPayloadIsUnreadableNotSilentlyDropped() {
        assertThatThrownBy(() -> codec.read("roundup.article.v99", "{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventCodec.UnreadableEvent.class)
                .hasMessageContaining("unknown ce_type");
        assertThatThrownBy(() -> codec.read("roundup.article.v1", "{not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventCodec.UnreadableEvent.class);
    }

    @Test
    void everyPayloadTypeHasExactlyOneCeType() {
        assertThat(Arrays.stream(EventType.values()).map(EventType::payloadType).distinct())
                .hasSize(EventType.values().length);
        assertThat(EventType.of(new ArticleRemoved("a", 1, null))).isEqualTo(EventType.ARTICLE_REMOVED_V1);
    }

    private static byte[] golden(EventType type) {
        try (InputStream in = EventCodecTests.class.getResourceAsStream("/golden/" + type.ceType() + ".json")) {
            return in.readAllBytes();
        } catch (IOException | NullPointerException ex) {
            throw new AssertionError("missing golden sample for " + type.ceType(), ex);
        }
    }
}
