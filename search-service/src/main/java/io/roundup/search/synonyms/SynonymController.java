package io.roundup.search.synonyms;

import io.roundup.search.reindex.ReindexJob;
import io.roundup.search.reindex.ReindexQueue;
import io.roundup.support.revision.IfMatch;
import io.roundup.support.security.Roles;
import io.roundup.support.web.ProblemAdvice;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admins read and replace the synonym rules. A replacement is checked, saved, and brought into effect by a reindex
 * (search keeps answering with the old rules until the alias moves); the answer is 202 with that reindex job.
 */
@RestController
@RequestMapping("/api/search/synonyms")
@PreAuthorize("hasRole('ADMIN')")
class SynonymController {

    private final SynonymStore store;
    private final SynonymValidation validation;
    private final ReindexQueue reindexes;

    SynonymController(SynonymStore store, SynonymValidation validation, ReindexQueue reindexes) {
        this.store = store;
        this.validation = validation;
        this.reindexes = reindexes;
    }

    @GetMapping
    ResponseEntity<SynonymRules> get() {
        SynonymRules rules = store.current();
        return ResponseEntity.ok().eTag(IfMatch.etag(rules.revision())).body(rules);
    }

    /** {@code If-Match} is optional here: a lone admin may just save; two at once can protect each other with it. */
    @PutMapping
    ResponseEntity<Replaced> replace(
            @RequestBody RulesRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        List<String> rules = validation.validate(request.rules());
        SynonymRules saved = store.replace(
                rules, IfMatch.optional(ifMatch), Roles.callerName().orElse("unknown"));
        ReindexJob job = reindexes.start();
        return ResponseEntity.accepted()
                .location(URI.create("/api/search/reindex/" + job.id()))
                .eTag(IfMatch.etag(saved.revision()))
                .body(new Replaced(saved.rules(), saved.revision(), saved.updatedAt(), saved.updatedBy(), job));
    }

    @ExceptionHandler(InvalidSynonyms.class)
    ProblemDetail invalid(InvalidSynonyms ex) {
        return ProblemAdvice.validationProblem(ex.errors());
    }

    record RulesRequest(List<String> rules) {}

    /** The saved rules and the reindex that brings them into effect. */
    record Replaced(List<String> rules, long revision, Instant updatedAt, String updatedBy, ReindexJob reindex) {}
}
