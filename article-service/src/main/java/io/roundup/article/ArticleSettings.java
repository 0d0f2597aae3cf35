package io.roundup.article;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Timing of the background work.
 *
 * @param relaySweep how often the relay looks for saved but unannounced articles (besides the nudge after each save)
 * @param scheduleSweep how often due scheduled publications are looked for; a publication fires at most this late
 * @param productPatience how long a publish waits for the event of a product it has not heard of yet
 */
@ConfigurationProperties("roundup.articles")
public record ArticleSettings(
        @DefaultValue("500ms") Duration relaySweep,
        @DefaultValue("1s") Duration scheduleSweep,
        @DefaultValue("3s") Duration productPatience) {}
