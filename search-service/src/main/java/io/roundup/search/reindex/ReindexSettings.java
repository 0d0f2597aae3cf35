package io.roundup.search.reindex;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a reindex retires the old index versions.
 *
 * @param retireAfter how long the old versions stay after the aliases moved, so that searches already running on them
 *        end normally instead of failing with their index deleted under them
 */
@ConfigurationProperties("roundup.search.reindex")
record ReindexSettings(@DefaultValue("5s") Duration retireAfter) {
}
