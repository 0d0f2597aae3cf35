package io.roundup.product.web;

import static io.roundup.support.testing.TestTokens.editor;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.roundup.contracts.AccessTokens;
import io.roundup.product.Money;
import io.roundup.product.Offer;
import io.roundup.product.Product;
import io.roundup.product.ProductDetails;
import io.roundup.product.ProductNotFound;
import io.roundup.product.ProductQuery;
import io.roundup.product.Products;
import io.roundup.product.RevisionMismatch;
import io.roundup.support.paging.ResultPage;
import io.roundup.support.revision.ExpectedRevision;
import io.roundup.support.security.ApiSecurityAutoConfiguration;
import io.roundup.support.testing.TestTokens;
import io.roundup.support.testing.WithTestTokens;
import io.roundup.support.web.WebSupportAutoConfiguration;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@WebMvcTest(ProductController.class)
@Import(RequestValidation.class)
@ImportAutoConfiguration({ApiSecurityAutoConfiguration.class, WebSupportAutoConfiguration.class})
@WithTestTokens
class ProductControllerTests {

    private static final String ID = "6650f1c2a1b2c3d4e5f60718";
    private static final Instant CREATED = Instant.parse("2026-11-20T09:15:00Z");

    private static final String VALID = """
            {"name": "  Northwind Studio Monitor  ", "kind": "gear", "brand": "Northwind",
             "attributes": {"driver": "40 mm", "connection": " wired "},
             "offers": [{"retailer": "Harbor Audio", "url": "https://shop.example.com/northwind", "price": {"amount": 129, "currency": "USD"}},
                        {"retailer": "Dock Sound", "url": "http://dock.example.com/n", "price": {"amount": "119.5", "currency": "USD"}}],
             "imageUrl": "https://img.example.com/n.jpg"}
            """;

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Products products;

    @Test
    void anEditorCreatesAProduct() throws Exception {
        given(products.create(any())).willAnswer(call -> stored(call.getArgument(0), 1));

        mvc.perform(post("/api/products")
                        .with(editor())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(VALID))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.LOCATION, "/api/products/" + ID))
                .andExpect(header().string(HttpHeaders.ETAG, "\"1\""))
                .andExpect(jsonPath("$.id").value(ID))
                .andExpect(jsonPath("$.revision").value(1))
                .andExpect(jsonPath("$.name").value("Northwind Studio Monitor"))
                .andExpect(jsonPath("$.kind").value("gear"))
                .andExpect(jsonPath("$.brand").value("Northwind"))
                .andExpect(jsonPath("$.attributes.connection").value("wired"))
                .andExpect(jsonPath("$.offers[0].price.amount").value("129.00"))
                .andExpect(jsonPath("$.offers[0].price.currency").value("USD"))
                .andExpect(jsonPath("$.offers[1].price.amount").value("119.50"))
                .andExpect(jsonPath("$.lowestPrice.amount").value("119.50"))
                .andExpect(jsonPath("$.lowestPrice.currency").value("USD"))
                .andExpect(jsonPath("$.imageUrl").value("https://img.example.com/n.jpg"))
                .andExpect(jsonPath("$.createdAt").value("2026-11-20T09:15:00Z"))
                .andExpect(jsonPath("$.updatedAt").value("2026-11-20T09:15:00Z"));

        verify(products)
                .create(ProductDetails.of(
                        "Northwind Studio Monitor",
                        "gear",
                        "Northwind",
                        orderedMap("driver", "40 mm", "connection", "wired"),
                        List.of(
                                new Offer(
                                        "Harbor Audio",
                                        "https://shop.example.com/northwind",
                                        new Money("129.00", "USD")),
                                new Offer("Dock Sound", "http://dock.example.com/n", new Money("119.50", "USD"))),
                        "https://img.example.com/n.jpg"));
    }

    @Test
    void onlyNameAndKindAreRequired() throws Exception {
        given(products.create(any())).willAnswer(call -> stored(call.getArgument(0), 1));

        mvc.perform(post("/api/products")
                        .with(editor())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Cléo from 5 to 7\", \"kind\": \"film\", \"brand\": \"  \"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.brand").value(nullValue()))
                .andExpect(jsonPath("$.attributes").isEmpty())
                .andExpect(jsonPath("$.offers").isEmpty())
                .andExpect(jsonPath("$.lowestPrice").value(nullValue()));
    }

    @Test
    void everyInvalidFieldIsListedAndNothingIsStored() throws Exception {
        String invalid = """
                {"name": "%s", "kind": "Gear!", "brand": "%s",
                 "attributes": {"": "x", "notes": "%s", "gone": null},
                 "offers": [{"retailer": " ", "url": "ftp://files.example.com/x", "price": {"amount": "-1", "currency": "usd"}},
                            {"retailer": "Shop", "url": "/relative", "price": {"amount": "1.999", "currency": "EUR"}},
                            {"retailer": "Shop", "url": "https://shop.example.com"},
                            null],
                 "imageUrl": "javascript:alert(1)"}
                """.formatted("n".repeat(201), "b".repeat(101), "v".repeat(501));

        mvc.perform(post("/api/products")
                        .with(editor())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(invalid))
                .andExpect(status().isBadRequest())
                .andExpect(header().string(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.title").value("Validation failed"))
                .andExpect(jsonPath("$.errors.name").value(contains("must be at most 200 characters")))
                .andExpect(jsonPath("$.errors.kind")
                        .value(contains("must be a lowercase word such as music, film, book or gear")))
                .andExpect(jsonPath("$.errors.brand").value(contains("must be at most 100 characters")))
                .andExpect(jsonPath("$.errors['attributes[]']").value(hasItem("names must not be blank")))
                .andExpect(jsonPath("$.errors['attributes[notes]']").value(contains("must be at most 500 characters")))
                .andExpect(jsonPath("$.errors['attributes[gone]']").value(contains("must be a string")))
                .andExpect(jsonPath("$.errors['offers[0].retailer']").value(contains("is required")))
                .andExpect(
                        jsonPath("$.errors['offers[0].url']").value(contains("must be an absolute http or https URL")))
                .andExpect(jsonPath("$.errors['offers[0].price.amount']").value(contains("must not be negative")))
                .andExpect(jsonPath("$.errors['offers[0].price.currency']")
                        .value(contains("must be an ISO-4217 currency code such as USD")))
                .andExpect(
                        jsonPath("$.errors['offers[1].url']").value(contains("must be an absolute http or https URL")))
                .andExpect(jsonPath("$.errors['offers[1].price.amount']")
                        .value(contains("must have at most 2 decimals in EUR")))
                .andExpect(jsonPath("$.errors['offers[2].price']").value(contains("is required")))
                .andExpect(jsonPath("$.errors['offers[3]']").value(contains("must be an offer")))
                .andExpect(jsonPath("$.errors.imageUrl").value(contains("must be an absolute http or https URL")));

        verifyNoInteractions(products);
    }

    @Test
    void missingRequiredFieldsAreNamed() throws Exception {
        mvc.perform(post("/api/products")
                        .with(editor())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"   \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.name").value(contains("is required")))
                .andExpect(jsonPath("$.errors.kind").value(contains("is required")));

        verifyNoInteractions(products);
    }

    @Test
    void tooManyOffersAndAttributesAreRefused() throws Exception {
        StringBuilder attributes = new StringBuilder();
        for (int i = 0; i < 51; i++) {
            attributes.append(i == 0 ? "" : ",").append("\"k").append(i).append("\": \"v\"");
        }
        String offer =
                "{\"retailer\": \"R\", \"url\": \"https://r.example.com\", \"price\": {\"amount\": \"1\", \"currency\": \"USD\"}}";
        String offers = String.join(",", java.util.Collections.nCopies(21, offer));

        mvc.perform(post("/api/products")
                        .with(editor())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"N\", \"kind\": \"gear\", \"attributes\": {" + attributes
                                + "}, \"offers\": [" + offers + "]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.attributes").value(contains("must have at most 50 entries")))
                .andExpect(jsonPath("$.errors.offers").value(contains("must have at most 20 offers")));

        verifyNoInteractions(products);
    }

    @Test
    void serverOwnedAndUnknownFieldsAreRefusedByName() throws Exception {
        String body = """
                {"id": "%s", "revision": 7, "createdAt": "2020-01-01T00:00:00Z", "name": "N", "kind": "gear", "colour": "red",
                 "offers": [{"retailer": "R", "url": "https://r.example.com", "price": {"amount": "1", "currency": "USD", "tax": 0}, "stock": 3}]}
                """.formatted(ID);

        mvc.perform(post("/api/products")
                        .with(editor())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.id").value(contains("is set by the server and cannot be written")))
                .andExpect(jsonPath("$.errors.revision").value(contains("is set by the server and cannot be written")))
                .andExpect(jsonPath("$.errors.createdAt").value(contains("is set by the server and cannot be written")))
                .andExpect(jsonPath("$.errors.colour").value(contains("is not a known field")))
                .andExpect(jsonPath("$.errors['offers[0].stock']").value(contains("is not a known field")))
                .andExpect(jsonPath("$.errors['offers[0].price.tax']").value(contains("is not a known field")));

        verifyNoInteractions(products);
    }

    @Test
    void aValueOfTheWrongJsonTypeIsNamed() throws Exception {
        mvc.perform(post("/api/products")
                        .with(editor())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"N\", \"kind\": \"gear\", \"offers\": {\"retailer\": \"R\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.offers").value(contains("has the wrong JSON type or format")));

        verifyNoInteractions(products);
    }

    @Test
    void malformedJsonIsA400WithoutParserDetails() throws Exception {
        mvc.perform(post("/api/products")
                        .with(editor())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("The request body is not valid JSON for this operation."));

        verifyNoInteractions(products);
    }

    @Test
    void writingNeedsAToken() throws Exception {
        mvc.perform(post("/api/products")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(VALID))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE))
                .andExpect(jsonPath("$.status").value(401));
        mvc.perform(put("/api/products/" + ID)
                        .header(HttpHeaders.IF_MATCH, "\"1\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(VALID))
                .andExpect(status().isUnauthorized());
        mvc.perform(delete("/api/products/" + ID)).andExpect(status().isUnauthorized());

        verifyNoInteractions(products);
    }

    @Test
    void writingNeedsTheEditorRole() throws Exception {
        RequestPostProcessor reader = TestTokens.reader();

        mvc.perform(post("/api/products")
                        .with(reader)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(VALID))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.status").value(403));
        mvc.perform(delete("/api/products/" + ID).with(reader)).andExpect(status().isForbidden());

        verifyNoInteractions(products);
    }

    @Test
    void anAdminMayWriteToo() throws Exception {
        given(products.create(any())).willAnswer(call -> stored(call.getArgument(0), 1));

        mvc.perform(post("/api/products")
                        .with(TestTokens.caller("admin", AccessTokens.ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(VALID))
                .andExpect(status().isCreated());
    }

    @Test
    void readingIsPublicAndCarriesTheRevisionAsETag() throws Exception {
        given(products.get(ID)).willReturn(stored(details("Northwind"), 3));

        mvc.perform(get("/api/products/" + ID))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, "\"3\""))
                .andExpect(jsonPath("$.revision").value(3))
                .andExpect(jsonPath("$.name").value("Northwind"));
    }

    @Test
    void anUnchangedProductIsNotSentAgain() throws Exception {
        given(products.get(ID)).willReturn(stored(details("Northwind"), 3));

        mvc.perform(get("/api/products/" + ID).header(HttpHeaders.IF_NONE_MATCH, "\"3\""))
                .andExpect(status().isNotModified());
    }

    @Test
    void anUnknownProductIsA404Problem() throws Exception {
        given(products.get("nope")).willThrow(new ProductNotFound("nope"));

        mvc.perform(get("/api/products/nope"))
                .andExpect(status().isNotFound())
                .andExpect(header().string(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.title").value("Product not found"));
    }

    @Test
    void listsArePagedAndFiltered() throws Exception {
        given(products.list(new ProductQuery("stu", "gear", 1, 2)))
                .willReturn(new ResultPage<>(
                        List.of(stored(details("Studio A"), 1), stored(details("Studio B"), 2)), 1, 2, 5));

        mvc.perform(get("/api/products")
                        .param("q", "stu")
                        .param("kind", "gear")
                        .param("page", "1")
                        .param("size", "2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].name").value("Studio A"))
                .andExpect(jsonPath("$.items[1].revision").value(2))
                .andExpect(jsonPath("$.page").value(1))
                .andExpect(jsonPath("$.size").value(2))
                .andExpect(jsonPath("$.totalItems").value(5))
                .andExpect(jsonPath("$.totalPages").value(3));
    }

    @Test
    void listsDefaultToTheFirstPageOfTwenty() throws Exception {
        given(products.list(new ProductQuery(null, null, 0, 20))).willReturn(new ResultPage<>(List.of(), 0, 20, 0));

        mvc.perform(get("/api/products"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items").isEmpty())
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(20))
                .andExpect(jsonPath("$.totalItems").value(0))
                .andExpect(jsonPath("$.totalPages").value(0));
    }

    @Test
    void pagingOutsideItsBoundsIsA400Problem() throws Exception {
        mvc.perform(get("/api/products").param("page", "-1").param("size", "101"))
                .andExpect(status().isBadRequest())
                .andExpect(header().string(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE))
                .andExpect(jsonPath("$.errors.page").value(contains("must be 0 or more")))
                .andExpect(jsonPath("$.errors.size").value(contains("must be between 1 and 100")));
        mvc.perform(get("/api/products").param("size", "0"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.size").value(contains("must be between 1 and 100")));

        verifyNoInteractions(products);
    }

    @Test
    void everyUnusableListParameterIsNamedInOneAnswer() throws Exception {
        mvc.perform(get("/api/products")
                        .param("q", "x".repeat(201))
                        .param("kind", "k".repeat(31))
                        .param("size", "ten"))
                .andExpect(status().isBadRequest())
                .andExpect(header().string(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE))
                .andExpect(jsonPath("$.errors.q").value(contains("must be at most 200 characters")))
                .andExpect(jsonPath("$.errors.kind").value(contains("must be at most 30 characters")))
                .andExpect(jsonPath("$.errors.size").value(contains("must be a whole number")));

        verifyNoInteractions(products);
    }

    @Test
    void anUpdateNeedsIfMatch() throws Exception {
        mvc.perform(put("/api/products/" + ID)
                        .with(editor())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(VALID))
                .andExpect(status().isPreconditionRequired())
                .andExpect(header().string(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE))
                .andExpect(jsonPath("$.status").value(428));

        verifyNoInteractions(products);
    }

    @Test
    void anUpdateReplacesTheProductAndReturnsItsNewETag() throws Exception {
        given(products.replace(eq(ID), eq(ExpectedRevision.oneOf(Set.of(1L))), any()))
                .willAnswer(call -> stored(call.getArgument(2), 2));

        mvc.perform(put("/api/products/" + ID)
                        .with(editor())
                        .header(HttpHeaders.IF_MATCH, "\"1\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(VALID))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, "\"2\""))
                .andExpect(jsonPath("$.revision").value(2));
    }

    @Test
    void aStaleIfMatchIsA412Problem() throws Exception {
        given(products.replace(eq(ID), eq(ExpectedRevision.oneOf(Set.of(1L))), any()))
                .willThrow(new RevisionMismatch(ID, 4));

        mvc.perform(put("/api/products/" + ID)
                        .with(editor())
                        .header(HttpHeaders.IF_MATCH, "\"1\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(VALID))
                .andExpect(status().isPreconditionFailed())
                .andExpect(header().string(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE))
                .andExpect(jsonPath("$.status").value(412))
                .andExpect(jsonPath("$.currentRevision").value(4));
    }

    @Test
    void anUnreadableOrWeakIfMatchMatchesNoRevision() throws Exception {
        given(products.replace(eq(ID), eq(ExpectedRevision.oneOf(Set.of())), any()))
                .willThrow(new RevisionMismatch(ID, 1));

        for (String ifMatch : List.of("garbage", "W/\"1\"", "\"\"")) {
            mvc.perform(put("/api/products/" + ID)
                            .with(editor())
                            .header(HttpHeaders.IF_MATCH, ifMatch)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(VALID))
                    .andExpect(status().isPreconditionFailed());
        }
    }

    @Test
    void anInvalidUpdateIsRefusedBeforeTheCatalogIsAsked() throws Exception {
        mvc.perform(put("/api/products/" + ID)
                        .with(editor())
                        .header(HttpHeaders.IF_MATCH, "\"1\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"N\", \"kind\": \"\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.kind").exists());

        verifyNoInteractions(products);
    }

    @Test
    void aDeleteIsA204WithOrWithoutIfMatch() throws Exception {
        mvc.perform(delete("/api/products/" + ID).with(editor())).andExpect(status().isNoContent());
        verify(products).remove(ID, ExpectedRevision.any());

        mvc.perform(delete("/api/products/" + ID).with(editor()).header(HttpHeaders.IF_MATCH, "\"2\""))
                .andExpect(status().isNoContent());
        verify(products).remove(ID, ExpectedRevision.oneOf(Set.of(2L)));
    }

    @Test
    void aStaleDeleteIsA412() throws Exception {
        given(products.remove(ID, ExpectedRevision.oneOf(Set.of(1L)))).willThrow(new RevisionMismatch(ID, 2));

        mvc.perform(delete("/api/products/" + ID).with(editor()).header(HttpHeaders.IF_MATCH, "\"1\""))
                .andExpect(status().isPreconditionFailed());
    }

    @Test
    void deletingAnUnknownProductIsA404() throws Exception {
        given(products.remove(eq("abc"), any())).willThrow(new ProductNotFound("abc"));

        mvc.perform(delete("/api/products/abc").with(editor())).andExpect(status().isNotFound());
    }

    @Test
    void aControlCharacterOrBrokenEncodingInTheQueryIsA400NamingTheParameter() throws Exception {
        for (String query : List.of("q=a%00b", "q=%00", "kind=%01", "q=%FF", "q=%ED%A0%80")) {
            mvc.perform(get(URI.create("/api/products?" + query)))
                    .andExpect(status().isBadRequest())
                    .andExpect(header().string(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE))
                    .andExpect(jsonPath("$.errors." + query.substring(0, query.indexOf('=')))
                            .isArray());
        }
        verifyNoInteractions(products);
    }

    @Test
    void aSingleValuedParameterGivenTwiceIsA400() throws Exception {
        mvc.perform(get(URI.create("/api/products?q=a&q=b")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.q[0]").value("must be given at most once"));
        mvc.perform(get(URI.create("/api/products?size=1&size=2")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.size[0]").value("must be given at most once"));
        verifyNoInteractions(products);
    }

    @Test
    void aPageThatIsNotANumberOrBeyondTenThousandIsA400NamingIt() throws Exception {
        mvc.perform(get(URI.create("/api/products?page=10001")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.page[0]").value("must be at most 10000"));
        for (String page : List.of("abc", "1.5")) {
            mvc.perform(get(URI.create("/api/products?page=" + page)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors.page[0]").value("must be a whole number"));
        }
        mvc.perform(get(URI.create("/api/products?page=2147483648")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.page[0]").value("is too large"));
        verifyNoInteractions(products);
    }

    @Test
    void aControlCharacterInTheIdIsA400() throws Exception {
        mvc.perform(get(URI.create("/api/products/a%01b")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.id[0]").value("must not contain control characters"));
        verifyNoInteractions(products);
    }

    private static ProductDetails details(String name) {
        return ProductDetails.of(name, "gear", null, Map.of(), List.of(), null);
    }

    private static Product stored(ProductDetails details, long revision) {
        return new Product(ID, revision, details, CREATED, CREATED, false, null, List.of(), null, null, true, 0);
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
