package io.roundup.web.review;

import io.roundup.web.NotFound;
import io.roundup.web.Paths;
import io.roundup.web.SafeHtml;
import io.roundup.web.SiteLinks;
import io.roundup.web.api.ApiModel.Article;
import io.roundup.web.api.RoundupApi;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.view.RedirectView;

/**
 * {@code /reviews/{slug}}: the published roundup. A former slug answers 301 to the current address, so old links and
 * search engines follow a rename; an unknown or unpublished slug is a real 404 page.
 */
@Controller
class ReviewController {

    private final RoundupApi api;
    private final SafeHtml html;
    private final SiteLinks links;

    ReviewController(RoundupApi api, SafeHtml html, SiteLinks links) {
        this.api = api;
        this.html = html;
        this.links = links;
    }

    @GetMapping("/reviews/{slug}")
    Object review(@PathVariable String slug, Model model, HttpServletRequest request) {
        Article article = api.articleBySlug(slug)
                .filter(a -> "PUBLISHED".equals(a.status()) || a.status() == null)
                .orElseThrow(NotFound::new);
        if (article.slug() != null && !article.slug().equals(slug)) {
            RedirectView moved = new RedirectView(Paths.review(article.slug()));
            moved.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
            moved.setExposeModelAttributes(false);
            return moved;
        }
        ReviewPage page = ReviewPage.of(article, api.related(article.id()).hits(), html);
        String url = links.absolute(request, Paths.review(article.slug()));
        model.addAttribute("page", page);
        model.addAttribute("a", article);
        model.addAttribute("canonical", Paths.review(article.slug()));
        model.addAttribute("jsonLd", JsonLd.of(article, page, url));
        return "review";
    }
}
