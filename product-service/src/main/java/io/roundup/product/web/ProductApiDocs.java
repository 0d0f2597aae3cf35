package io.roundup.product.web;

import static io.roundup.support.openapi.ApiDocs.operation;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import io.swagger.v3.oas.models.OpenAPI;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * What the catalog's OpenAPI document says beyond what springdoc reads from the controller and the platform's
 * conventions add: success statuses, the revision rules, the 409 of a product still in use, examples.
 */
@Component
class ProductApiDocs implements OpenApiCustomizer {

    private static final String PRODUCT = "openapi/product.json";

    private static final String REQUEST = "openapi/product-request.json";

    @Override
    public void customise(OpenAPI api) {
        operation(api, POST, "/api/products")
                .id("createProduct")
                .summary("Add a product to the catalog")
                .succeeds(HttpStatus.CREATED)
                .location()
                .etag()
                .requestExample("Headphones with one offer", REQUEST)
                .example("The product as stored", PRODUCT);
        operation(api, GET, "/api/products")
                .id("listProducts")
                .summary("List products, optionally by text (`q`) and `kind`");
        operation(api, GET, "/api/products/{id}")
                .id("getProduct")
                .summary("Read a product")
                .etag()
                .example("Headphones with one offer", PRODUCT);
        operation(api, PUT, "/api/products/{id}")
                .id("replaceProduct")
                .summary("Replace a product; a price change reaches the reviews that rank it")
                .ifMatchRequired()
                .etag()
                .requestExample("Headphones with one offer", REQUEST);
        operation(api, DELETE, "/api/products/{id}")
                .id("deleteProduct")
                .summary("Remove a product")
                .succeeds(HttpStatus.NO_CONTENT)
                .problem(
                        HttpStatus.CONFLICT,
                        "Published reviews still rank the product; `articles` lists them (id, title, slug).");
    }
}
