package io.roundup.article.web;

import io.roundup.article.Article;
import io.roundup.article.ArticleNotFound;
import io.roundup.article.ArticleQuery;
import io.roundup.article.Articles;
import io.roundup.article.Content;
import io.roundup.article.Editor;
import io.roundup.article.Status;
import io.roundup.support.paging.PageView;
import io.roundup.support.paging.Paging;
import io.roundup.support.revision.ExpectedRevision;
import io.roundup.support.revision.IfMatch;
import io.roundup.support.security.Roles;
import io.roundup.support.web.InvalidQuery;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Articles over HTTP. Readers (no token, or one without an editor role) see only published snapshots, and a draft is
 * a 404 to them; editors see and change working copies. Writes need an editor role (enforced by the security chain).
 */
@RestController
@RequestMapping("/api/articles")
class ArticleController {

    /** How many of the author's other articles an article page lists. */
    private static final int LATEST_BY_AUTHOR = 5;
    /** The list's text filter (q): enough for a title's words, small enough to keep the scan cheap. */
    private static final int MAX_TEXT = 200;

    private static final int MAX_WORDS = 8;

    private final Articles articles;

    ArticleController(Articles articles) {
        this.articles = articles;
    }

    @PostMapping
    ResponseEntity<ArticleView> create(@RequestBody ArticleRequest body) {
        refuseUnknownFields(body);
        Article created = articles.create(body.toContent(), body.slug(), caller());
        return ResponseEntity.created(URI.create("/api/articles/" + created.id()))
                .eTag(etag(created))
                .body(ArticleView.forEditor(created));
    }

    @GetMapping("/{id}")
    ResponseEntity<ArticleView> get(@PathVariable String id) {
        return visible(articles.get(id));
    }

    @GetMapping("/by-slug/{slug}")
    ResponseEntity<ArticleView> getBySlug(@PathVariable String slug) {
        Article article = articles.getBySlug(slug);
        if (!Roles.callerIsEditor() && slug.equals(article.slug()) && !slug.equals(article.publicSlug())) {
            throw new ArticleNotFound(); // a slug given in an unpublished edit is not public yet
        }
        return visible(article);
    }

    /** Readers list published articles only; asking for another status needs an editor token (401 / 403). */
    @GetMapping
    PageView<ArticleSummary> list(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String author,
            @RequestParam(required = false) String tag,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        InvalidQuery problems = new InvalidQuery();
        Status wanted = status(status, problems);
        Paging paging = Paging.parse(page, size, problems);
        List<String> words = words(q, problems);
        problems.throwIfAny();
        boolean editor = Roles.callerIsEditor();
        if (!editor && wanted != null && wanted != Status.PUBLISHED) {
            refuseNonEditor("Only editors can list articles that are not published.");
        }
        ArticleQuery query = new ArticleQuery(
                editor,
                wanted,
                blankToNull(category),
                blankToNull(author),
                blankToNull(tag),
                words,
                paging.page(),
                paging.size());
        return PageView.of(articles.list(query), article -> ArticleSummary.of(article, editor));
    }

    @PutMapping("/{id}")
    ResponseEntity<ArticleView> update(
            @PathVariable String id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody ArticleRequest body) {
        refuseUnknownFields(body);
        ExpectedRevision expected = IfMatch.required(ifMatch);
        return editorView(articles.update(id, expected, body.toContent(), body.slug(), caller()));
    }

    @PostMapping("/{id}/publish")
    ResponseEntity<ArticleView> publish(
            @PathVariable String id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) PublishRequest body) {
        ExpectedRevision expected = IfMatch.optional(ifMatch);
        return editorView(articles.publish(id, expected, body == null ? null : body.at(), caller()));
    }

    @PostMapping("/{id}/unpublish")
    ResponseEntity<ArticleView> unpublish(
            @PathVariable String id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return editorView(articles.unpublish(id, IfMatch.optional(ifMatch), caller()));
    }

    /** Calls off a scheduled publication (of a draft, or of the next version of a live article). */
    @DeleteMapping("/{id}/schedule")
    ResponseEntity<ArticleView> cancelSchedule(
            @PathVariable String id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return editorView(articles.cancelSchedule(id, IfMatch.optional(ifMatch), caller()));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(
            @PathVariable String id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        articles.delete(id, IfMatch.optional(ifMatch), editor());
        return ResponseEntity.noContent().build();
    }

    /**
     * Editors see any article; readers only a published one, and anything else does not exist for them. Both views
     * share the revision as ETag, so caches must keep them apart by the token.
     */
    private ResponseEntity<ArticleView> visible(Article article) {
        if (Roles.callerIsEditor()) {
            return ResponseEntity.ok()
                    .eTag(etag(article))
                    .varyBy(HttpHeaders.AUTHORIZATION)
                    .body(ArticleView.forEditor(article, extras(article.content(), article)));
        }
        if (!article.isPublic()) {
            throw new ArticleNotFound();
        }
        return ResponseEntity.ok()
                .eTag(etag(article))
                .varyBy(HttpHeaders.AUTHORIZATION)
                .body(ArticleView.forReader(article, extras(article.published(), article)));
    }

    private ArticleView.PageExtras extras(Content content, Article article) {
        List<Article> latest = content.author() == null
                ? List.of()
                : articles.latestBy(content.author().name(), article.id(), LATEST_BY_AUTHOR);
        return new ArticleView.PageExtras(latest, articles.productCards(content));
    }

    private static ResponseEntity<ArticleView> editorView(Article article) {
        return ResponseEntity.ok().eTag(etag(article)).body(ArticleView.forEditor(article));
    }

    static String etag(Article article) {
        return IfMatch.etag(article.revision());
    }

    /** Unknown and server-owned fields are listed along with every other fault of the content, and nothing is stored. */
    private void refuseUnknownFields(ArticleRequest body) {
        Map<String, List<String>> unknown = body.unknownFields();
        if (!unknown.isEmpty()) {
            Map<String, List<String>> all = new TreeMap<>(Articles.problems(body.toContent(), body.slug()));
            all.putAll(unknown);
            throw new InvalidRequestBody(all);
        }
    }

    static String caller() {
        return Roles.callerName().orElse("unknown");
    }

    static Editor editor() {
        return new Editor(caller(), Roles.callerIsAdmin());
    }

    /** 401 without a token (a token would help), 403 with one that lacks the role. */
    static void refuseNonEditor(String why) {
        if (Roles.callerName().isEmpty()) {
            throw new AuthenticationCredentialsNotFoundException(why);
        }
        throw new AccessDeniedException(why);
    }

    private static Status status(String value, InvalidQuery problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Status.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException ex) {
            problems.add("status", "must be one of " + Arrays.toString(Status.values()));
            return null;
        }
    }

    /** The words of a list's text filter ({@code q}): at most {@value #MAX_WORDS} of them, {@value #MAX_TEXT} characters. */
    private static List<String> words(String q, InvalidQuery problems) {
        if (q == null || q.isBlank()) {
            return List.of();
        }
        if (q.length() > MAX_TEXT) {
            problems.add("q", "must be at most " + MAX_TEXT + " characters");
            return List.of();
        }
        List<String> words = Arrays.stream(q.trim().split("\\s+")).distinct().toList();
        if (words.size() > MAX_WORDS) {
            problems.add("q", "must have at most " + MAX_WORDS + " words");
            return List.of();
        }
        return words;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
