package io.roundup.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/**
 * Absolute addresses for canonical links, Open Graph and the sitemap: the configured public address, or else the
 * host the reader asked for (the gateway passes it on unchanged).
 */
@Component
public class SiteLinks {

    private final SiteSettings settings;

    SiteLinks(SiteSettings settings) {
        this.settings = settings;
    }

    public String base(HttpServletRequest request) {
        if (settings.publicUri() != null) {
            String uri = settings.publicUri().toString();
            return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
        }
        String host = request.getHeader("Host");
        if (host == null || !host.matches("[A-Za-z0-9.\\-:\\[\\]]+")) {
            host = request.getServerName() + ":" + request.getServerPort();
        }
        return request.getScheme() + "://" + host;
    }

    public String absolute(HttpServletRequest request, String path) {
        return base(request) + path;
    }
}
