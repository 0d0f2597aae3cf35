package io.roundup.web.editor;

import io.roundup.web.SafeHtml;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * {@code /editor}: the console's shell (everything else it shows comes from the public API, called by its script with
 * the editor's token) and {@code POST /editor/preview}, which renders the draft's Markdown with the reader pages' own
 * {@link SafeHtml}, so the preview is what readers will get.
 *
 * <p>The preview is a pure function of its input and reads nothing, yet it only answers a same-origin request that
 * carries a bearer token: a form on another site can set neither the header nor the origin, and a cross-origin script
 * sending that header needs a CORS preflight this site never grants.
 */
@Controller
class EditorController {

    /** Fields per preview request; an article has at most a few dozen Markdown fields. */
    private static final int MAX_FIELDS = 100;

    private final SafeHtml html;

    EditorController(SafeHtml html) {
        this.html = html;
    }

    @GetMapping({"/editor", "/editor/"})
    String console() {
        return "editor";
    }

    /** {@code {"fields": {"intro": "…", "entries[0].body": "…"}}} → {@code {"html": {"intro": "<p>…</p>", …}}}. */
    @PostMapping(value = "/editor/preview", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<?> preview(@RequestBody PreviewRequest body, HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return problem(HttpStatus.UNAUTHORIZED, "The preview needs the editor's bearer token.");
        }
        if (!sameOrigin(request)) {
            return problem(HttpStatus.FORBIDDEN, "The preview answers the console's own pages only.");
        }
        if (body == null || body.fields() == null || body.fields().size() > MAX_FIELDS) {
            return problem(HttpStatus.BAD_REQUEST, "Send {\"fields\": {name: markdown}} with at most 100 fields.");
        }
        Map<String, String> rendered = new LinkedHashMap<>();
        body.fields().forEach((name, markdown) -> rendered.put(name, html.markdown(markdown)));
        return ResponseEntity.ok(new PreviewAnswer(rendered));
    }

    /**
     * Browsers say where a request comes from: {@code Sec-Fetch-Site} (all current ones) and {@code Origin} (on every
     * POST). Either, when present, must name this site; the host compared is the one the gateway passed on.
     */
    static boolean sameOrigin(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin")) {
            return false;
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin == null) {
            return true;
        }
        try {
            URI uri = URI.create(origin);
            String host = request.getHeader(HttpHeaders.HOST);
            String authority = uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return host != null && host.equalsIgnoreCase(authority);
        } catch (IllegalArgumentException ex) {
            return false;
        }
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(status, detail));
    }

    record PreviewRequest(Map<String, String> fields) {}

    record PreviewAnswer(Map<String, String> html) {}
}
