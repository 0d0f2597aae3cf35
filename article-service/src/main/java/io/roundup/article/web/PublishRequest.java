package io.roundup.article.web;

import java.time.Instant;

/** Optional body of a publish: a future {@code at} schedules the publication instead. */
record PublishRequest(Instant at) {}
