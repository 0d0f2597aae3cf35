package io.roundup.search.reindex;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operators start a reindex and follow it; admins only. */
@RestController
@RequestMapping("/api/search/reindex")
@PreAuthorize("hasRole('ADMIN')")
class ReindexController {

    private final ReindexQueue reindexes;

    ReindexController(ReindexQueue reindexes) {
        this.reindexes = reindexes;
    }

    @PostMapping
    ResponseEntity<ReindexJob> start() {
        ReindexJob job = reindexes.start();
        return ResponseEntity.accepted()
                .location(URI.create("/api/search/reindex/" + job.id()))
                .body(job);
    }

    @GetMapping("/{id}")
    ResponseEntity<?> job(@PathVariable String id) {
        return reindexes.job(id).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No such reindex job.");
            problem.setTitle("Not found");
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
        });
    }
}
