package io.roundup.product.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.roundup.product.Products;
import io.roundup.support.security.ApiSecurityAutoConfiguration;
import io.roundup.support.testing.ServiceApiDocs;
import io.roundup.support.web.WebSupportAutoConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/** The catalog's OpenAPI document, as the gateway fetches it: every route, with the statuses clients rely on. */
@WebMvcTest(ProductController.class)
@Import({RequestValidation.class, ProductApiDocs.class})
@ImportAutoConfiguration({ApiSecurityAutoConfiguration.class, WebSupportAutoConfiguration.class})
class ProductApiDocsTests {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Products products;

    JsonNode docs;

    @BeforeEach
    void fetchDocs() throws Exception {
        docs = ServiceApiDocs.fetch(mvc);
    }

    @Test
    void describesEveryProductRouteAndNothingElse() {
        assertThat(ServiceApiDocs.operations(docs))
                .containsExactlyInAnyOrder(
                        "POST /api/products",
                        "GET /api/products",
                        "GET /api/products/{id}",
                        "PUT /api/products/{id}",
                        "DELETE /api/products/{id}");
    }

    @Test
    void writesNeedAnEditorAndAReplacementTheRevisionItIsBasedOn() {
        JsonNode create = docs.at("/paths/~1api~1products/post");
        assertThat(create.get("security").toString()).isEqualTo("[{\"bearer\":[]}]");
        assertThat(create.get("responses").propertyNames()).containsExactly("201", "400", "401", "403");
        assertThat(create.at("/responses/201/headers").propertyNames()).contains("Location", "ETag");

        JsonNode replace = docs.at("/paths/~1api~1products~1{id}/put");
        assertThat(replace.get("responses").propertyNames())
                .containsExactly("200", "400", "401", "403", "404", "412", "428");
        assertThat(replace.get("parameters")
                        .valueStream()
                        .filter(p -> p.get("name").asString().equals("If-Match"))
                        .map(p -> p.get("required").asBoolean()))
                .containsExactly(true);

        assertThat(docs.at("/paths/~1api~1products~1{id}/delete/responses").propertyNames())
                .containsExactly("204", "401", "403", "404", "409", "412");
    }

    @Test
    void aReadIsPublicCarriesTheRevisionAndShowsAnExample() {
        JsonNode read = docs.at("/paths/~1api~1products~1{id}/get");
        assertThat(read.has("security")).isFalse();
        assertThat(read.at("/responses/200/headers").propertyNames()).contains("ETag");
        assertThat(read.at("/responses/200/content/application~1json/examples/product/value/lowestPrice/amount")
                        .asString())
                .isEqualTo("199.00");
        assertThat(docs.at("/paths/~1api~1products/get/responses").propertyNames())
                .as("q, kind, page and size can be refused")
                .containsExactly("200", "400");
        assertThat(docs.at("/components/schemas/ProductRequest/properties").propertyNames())
                .contains("name", "kind", "offers")
                .doesNotContain("unexpected");
    }
}
