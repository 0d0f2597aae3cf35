package io.roundup.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How the site presents itself.
 *
 * @param publicUri the address readers use, for canonical links and the sitemap; unset, the request's own host
 *     (the gateway preserves it)
 * @param pageSize results per search, author or category page
 * @param name the site's name in titles
 */
@Validated
@ConfigurationProperties("roundup.site")
public record SiteSettings(URI publicUri, @Min(1) @Max(100) int pageSize, String name) {}
