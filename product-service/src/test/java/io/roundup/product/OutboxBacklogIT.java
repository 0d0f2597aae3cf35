package io.roundup.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.roundup.support.outbox.StateRelay;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code roundup_outbox_backlog} counts what is saved but not yet announced: it rises while the relay cannot announce
 * and falls back to zero once it has.
 */
class OutboxBacklogIT extends ProductServiceHarness {

    @Autowired
    StateRelay<Product> relay;

    @Test
    void theBacklogRisesWhileNothingIsAnnouncedAndFallsOnceTheRelayCatchesUp() throws Exception {
        await().atMost(Duration.ofSeconds(20)).until(() -> backlog() == 0);
        relay.stop();
        try {
            create("Backlog Turntable", "99");
            create("Backlog Amplifier", "199");
            assertThat(backlog()).isEqualTo(2);
        } finally {
            relay.start();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> backlog() == 0);
    }

    private double backlog() throws Exception {
        String metrics = mvc.perform(get("/actuator/prometheus"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        Matcher matcher = Pattern.compile("(?m)^roundup_outbox_backlog\\{[^}]*collection=\"products\"[^}]*} (\\S+)$")
                .matcher(metrics);
        assertThat(matcher.find())
                .as("roundup_outbox_backlog for products in %s", metrics)
                .isTrue();
        return Double.parseDouble(matcher.group(1));
    }
}
