package io.roundup.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's head needs: the absolute base for canonical and Open Graph links. */
@ControllerAdvice
class SiteModel {

    private final SiteLinks links;

    SiteModel(SiteLinks links) {
        this.links = links;
    }

    @ModelAttribute("base")
    String base(HttpServletRequest request) {
        return links.base(request);
    }
}
