package io.roundup.web.listing;

import io.roundup.web.Paths;
import io.roundup.web.SiteLinks;
import io.roundup.web.api.ApiModel.ArticleList;
import io.roundup.web.api.ApiModel.ArticleSummary;
import io.roundup.web.api.RoundupApi;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/** {@code /sitemap.xml} of every published roundup, and {@code /robots.txt} pointing crawlers at it. */
@RestController
class SitemapController {

    /** The sitemap protocol's limit per file; far above what one site of roundups holds today. */
    private static final int MAX_URLS = 50_000;

    private final RoundupApi api;
    private final SiteLinks links;

    SitemapController(RoundupApi api, SiteLinks links) {
        this.api = api;
        this.links = links;
    }

    // whatever the client accepts: a crawler may ask for text/html first, the sitemap is XML all the same
    @GetMapping("/sitemap.xml")
    ResponseEntity<String> sitemap(HttpServletRequest request) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        url(xml, links.absolute(request, "/"), null);
        int page = 0;
        int written = 0;
        ArticleList list;
        do {
            list = api.articles(Map.of(), page++, 100);
            for (ArticleSummary article : list.items()) {
                if (written++ < MAX_URLS && article.slug() != null) {
                    url(
                            xml,
                            links.absolute(request, Paths.review(article.slug())),
                            article.publishedAt() == null
                                    ? null
                                    : article.publishedAt().toString());
                }
            }
        } while (page < list.totalPages() && written < MAX_URLS);
        xml.append("</urlset>\n");
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(xml.toString());
    }

    @GetMapping("/robots.txt")
    ResponseEntity<String> robots(HttpServletRequest request) {
        String robots = """
                User-agent: *
                Disallow: /api/
                Disallow: /editor
                Allow: /

                Sitemap: %s
                """.formatted(links.absolute(request, "/sitemap.xml"));
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(robots);
    }

    private static void url(StringBuilder xml, String loc, String lastmod) {
        xml.append("  <url><loc>").append(HtmlUtils.htmlEscape(loc)).append("</loc>");
        if (lastmod != null) {
            xml.append("<lastmod>").append(lastmod).append("</lastmod>");
        }
        xml.append("</url>\n");
    }
}
