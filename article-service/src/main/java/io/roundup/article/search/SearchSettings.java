package io.roundup.article.search;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a write that waits for search ({@code ?wait=searchable}) waits.
 *
 * @param poll how often the view is read for every waiting write together (one query per round)
 * @param defaultTimeout how long a write waits without {@code timeout}
 * @param maxTimeout the longest {@code timeout} a client may ask for
 */
@ConfigurationProperties("roundup.articles.search")
public record SearchSettings(
        @DefaultValue("50ms") Duration poll,
        @DefaultValue("10s") Duration defaultTimeout,
        @DefaultValue("30s") Duration maxTimeout) {}
