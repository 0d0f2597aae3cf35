package io.roundup.article.web;

import io.roundup.article.Article;
import io.roundup.article.Articles;
import io.roundup.article.search.SearchSettings;
import io.roundup.article.search.SearchStatuses;
import io.roundup.article.search.SearchWaits;
import io.roundup.support.revision.IfMatch;
import io.roundup.support.security.Roles;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * Whether search shows an article as it is now, for editors; and publish or unpublish that answer once it does
 * ({@code ?wait=searchable}: 200), or after the timeout with 202, the write done either way. The wait holds no request
 * thread: the answer is deferred until {@link SearchWaits} completes it.
 */
@RestController
@RequestMapping("/api/articles")
class SearchStatusController {

    /** Past the wait itself, before the container gives up on a deferred answer that never came. */
    private static final Duration GRACE = Duration.ofSeconds(5);

    private final Articles articles;
    private final SearchStatuses statuses;
    private final SearchWaits waits;
    private final SearchSettings settings;

    SearchStatusController(Articles articles, SearchStatuses statuses, SearchWaits waits, SearchSettings settings) {
        this.articles = articles;
        this.statuses = statuses;
        this.waits = waits;
        this.settings = settings;
    }

    /** Editors only, like drafts: it tells whether an unpublished article existed. */
    @GetMapping("/{id}/search-status")
    SearchStatusView status(@PathVariable String id) {
        if (!Roles.callerIsEditor()) {
            ArticleController.refuseNonEditor("Only editors can see an article's search status.");
        }
        return SearchStatusView.of(statuses.of(id));
    }

    @PostMapping(value = "/{id}/publish", params = "wait")
    DeferredResult<ResponseEntity<ArticleView>> publishAndWait(
            @PathVariable String id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) PublishRequest body,
            @RequestParam String wait,
            @RequestParam(required = false) String timeout) {
        Duration patience = SearchWaitParameters.timeout(wait, timeout, settings);
        Article saved = articles.publish(
                id, IfMatch.optional(ifMatch), body == null ? null : body.at(), ArticleController.caller());
        return untilSearchable(saved, patience);
    }

    @PostMapping(value = "/{id}/unpublish", params = "wait")
    DeferredResult<ResponseEntity<ArticleView>> unpublishAndWait(
            @PathVariable String id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestParam String wait,
            @RequestParam(required = false) String timeout) {
        Duration patience = SearchWaitParameters.timeout(wait, timeout, settings);
        Article saved = articles.unpublish(id, IfMatch.optional(ifMatch), ArticleController.caller());
        return untilSearchable(saved, patience);
    }

    private DeferredResult<ResponseEntity<ArticleView>> untilSearchable(Article saved, Duration patience) {
        DeferredResult<ResponseEntity<ArticleView>> answer =
                new DeferredResult<>(patience.plus(GRACE).toMillis(), () -> written(saved, false));
        waits.searchable(saved, patience).thenAccept(searchable -> answer.setResult(written(saved, searchable)));
        return answer;
    }

    /** The article as written: 200 when search shows it, 202 when it does not yet. */
    private static ResponseEntity<ArticleView> written(Article saved, boolean searchable) {
        return ResponseEntity.status(searchable ? HttpStatus.OK : HttpStatus.ACCEPTED)
                .eTag(ArticleController.etag(saved))
                .body(ArticleView.forEditor(saved));
    }
}
