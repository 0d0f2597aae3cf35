package io.roundup.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.MessageHeaders;

class HeaderValuesTests {

    @Test
    void readsRawBytesAsUtf8Text() {
        MessageHeaders headers =
                new MessageHeaders(Map.of("roundup_requestid", "crème-1".getBytes(StandardCharsets.UTF_8)));

        assertThat(HeaderValues.text(headers, "roundup_requestid")).contains("crème-1");
    }

    @Test
    void findsACloudEventsAttributeUnderTheNameSpringCloudFunctionGivesIt() {
        MessageHeaders renamed = new MessageHeaders(Map.of("ce-type", "roundup.article.v1"));
        MessageHeaders asSent =
                new MessageHeaders(Map.of("ce_type", "roundup.article.v1".getBytes(StandardCharsets.UTF_8)));

        assertThat(HeaderValues.text(renamed, "ce_type")).contains("roundup.article.v1");
        assertThat(HeaderValues.text(asSent, "ce_type")).contains("roundup.article.v1");
    }

    @Test
    void answersEmptyForAnAbsentHeader() {
        MessageHeaders headers = new MessageHeaders(Map.of("ce-id", "x"));

        assertThat(HeaderValues.text(headers, "ce_type")).isEmpty();
        assertThat(HeaderValues.text(headers, "roundup_requestid")).isEmpty();
    }
}
