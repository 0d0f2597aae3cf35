package io.roundup.product.web;

import io.roundup.product.Product;
import io.roundup.product.ProductQuery;
import io.roundup.product.Products;
import io.roundup.support.paging.PageView;
import io.roundup.support.paging.Paging;
import io.roundup.support.revision.IfMatch;
import io.roundup.support.web.InvalidQuery;
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

    private static final int MAX_QUERY_LENGTH = 200;
    private static final int MAX_KIND_LENGTH = 30;

    private final Products products;
    private final RequestValidation validation;

    ProductController(Products products, RequestValidation validation) {
        this.products = products;
        this.validation = validation;
    }

    @GetMapping
    PageView<ProductView> list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        InvalidQuery problems = new InvalidQuery();
        atMost("q", q, MAX_QUERY_LENGTH, problems);
        atMost("kind", kind, MAX_KIND_LENGTH, problems);
        Paging paging = Paging.parse(page, size, problems);
        problems.throwIfAny();
        return PageView.of(products.list(new ProductQuery(q, kind, paging.page(), paging.size())), ProductView::of);
    }

    @GetMapping("/{id}")
    ResponseEntity<ProductView> get(@PathVariable String id) {
        return withEtag(ResponseEntity.ok(), products.get(id));
    }

    @PostMapping
    ResponseEntity<ProductView> create(@RequestBody ProductRequest request) {
        validation.check(request);
        Product product = products.create(request.toDetails());
        return withEtag(ResponseEntity.created(URI.create("/api/products/" + product.id())), product);
    }

    @PutMapping("/{id}")
    ResponseEntity<ProductView> replace(
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody ProductRequest request) {
        validation.check(request);
        return withEtag(ResponseEntity.ok(), products.replace(id, IfMatch.required(ifMatch), request.toDetails()));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> remove(
            @PathVariable String id, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        products.remove(id, IfMatch.optional(ifMatch));
        return ResponseEntity.noContent().build();
    }

    private static void atMost(String parameter, String value, int max, InvalidQuery problems) {
        if (value != null && value.length() > max) {
            problems.add(parameter, "must be at most " + max + " characters");
        }
    }

    private static ResponseEntity<ProductView> withEtag(ResponseEntity.BodyBuilder response, Product product) {
        return response.eTag(IfMatch.etag(product.revision())).body(ProductView.of(product));
    }
}
