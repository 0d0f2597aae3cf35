package io.roundup.article.web;

import io.roundup.article.Article;
import io.roundup.article.ArticleNotFound;
import io.roundup.article.Articles;
import io.roundup.support.paging.PageView;
import io.roundup.support.paging.Paging;
import io.roundup.support.revision.ExpectedRevision;
import io.roundup.support.revision.IfMatch;
import io.roundup.support.security.Roles;
import io.roundup.support.web.InvalidQuery;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** An article's history, for editors: every save's working copy, and going back to one of them. */
@RestController
@RequestMapping("/api/articles/{id}/revisions")
class RevisionController {

    private final Articles articles;

    RevisionController(Articles articles) {
        this.articles = articles;
    }

    @GetMapping
    PageView<RevisionViews.RevisionSummary> list(
            @PathVariable String id,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        requireEditor();
        InvalidQuery problems = new InvalidQuery();
        Paging paging = Paging.parse(page, size, problems);
        problems.throwIfAny();
        return PageView.of(articles.revisions(id, paging.page(), paging.size()), RevisionViews.RevisionSummary::of);
    }

    @GetMapping("/{revision}")
    RevisionViews.RevisionView get(@PathVariable String id, @PathVariable String revision) {
        requireEditor();
        return RevisionViews.RevisionView.of(articles.revision(id, number(revision)));
    }

    @PostMapping("/{revision}/restore")
    ResponseEntity<ArticleView> restore(
            @PathVariable String id,
            @PathVariable String revision,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        ExpectedRevision expected = IfMatch.required(ifMatch);
        Article restored = articles.restore(id, number(revision), expected, ArticleController.editor());
        return ResponseEntity.ok().eTag(ArticleController.etag(restored)).body(ArticleView.forEditor(restored));
    }

    private static void requireEditor() {
        if (!Roles.callerIsEditor()) {
            ArticleController.refuseNonEditor("Only editors can read an article's revisions.");
        }
    }

    /** A revision that is not a positive number does not exist. */
    private static long number(String revision) {
        try {
            long n = Long.parseLong(revision);
            if (n < 1) {
                throw new ArticleNotFound();
            }
            return n;
        } catch (NumberFormatException ex) {
            throw new ArticleNotFound();
        }
    }
}
