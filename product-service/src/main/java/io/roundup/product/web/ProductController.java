package io.roundup.product.web;

import io.roundup.product.Product;
import io.roundup.product.ProductCatalog;
import io.roundup.support.revision.IfMatch;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
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

/** {@code /api/products}: reads are public; writes need EDITOR or ADMIN (enforced by service-support's security). */
@RestController
@RequestMapping("/api/products")
class ProductController {

    /** Keeps {@code page × size} far from overflowing the store's skip; nobody pages that deep. */
    static final int MAX_PAGE = 10_000;

    private final ProductCatalog catalog;
    private final RequestValidation validation;

    ProductController(ProductCatalog catalog, RequestValidation validation) {
        this.catalog = catalog;
        this.validation = validation;
    }

    @GetMapping
    PageView<ProductView> list(
            @RequestParam(required = false) @Size(max = 200, message = "must be at most 200 characters") String q,
            @RequestParam(required = false) @Size(max = 30, message = "must be at most 30 characters") String kind,
            @RequestParam(defaultValue = "0")
                    @Min(value = 0, message = "must be 0 or more")
                    @Max(value = MAX_PAGE, message = "must be at most " + MAX_PAGE)
                    int page,
            @RequestParam(defaultValue = "20")
                    @Min(value = 1, message = "must be between 1 and 100")
                    @Max(value = 100, message = "must be between 1 and 100")
                    int size) {
        return PageView.of(catalog.list(q, kind, page, size), ProductView::of);
    }

    @GetMapping("/{id}")
    ResponseEntity<ProductView> get(@PathVariable String id) {
        return withEtag(ResponseEntity.ok(), catalog.get(id));
    }

    @PostMapping
    ResponseEntity<ProductView> create(@RequestBody ProductRequest request) {
        validation.check(request);
        Product product = catalog.create(request.toDetails());
        return withEtag(ResponseEntity.created(URI.create("/api/products/" + product.id())), product);
    }

    @PutMapping("/{id}")
    ResponseEntity<ProductView> replace(
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody ProductRequest request) {
        validation.check(request);
        return withEtag(ResponseEntity.ok(), catalog.replace(id, IfMatch.required(ifMatch), request.toDetails()));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> remove(
            @PathVariable String id, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        catalog.remove(id, IfMatch.optional(ifMatch));
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<ProductView> withEtag(ResponseEntity.BodyBuilder response, Product product) {
        return response.eTag(IfMatch.etag(product.revision())).body(ProductView.of(product));
    }
}
