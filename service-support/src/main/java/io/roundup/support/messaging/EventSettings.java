package io.roundup.support.messaging;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the event topics are laid out, the same for every service that declares them.
 *
 * @param partitions how many partitions each event topic has: the most copies of a consuming service that can share
 *        its work. A topic created with fewer is grown at start-up (never shrunk: Kafka cannot); see docs/scaling.md
 *        for what growing does to key placement.
 */
@Validated
@ConfigurationProperties(EventSettings.PREFIX)
public record EventSettings(@DefaultValue("6") @Min(1) int partitions) {

    public static final String PREFIX = "roundup.events";

    public static final int DEFAULT_PARTITIONS = 6;
}
