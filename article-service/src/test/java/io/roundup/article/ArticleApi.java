package io.roundup.article;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import io.roundup.support.testing.TestTokens;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The HTTP API as the integration tests call it: as an editor, or as an anonymous reader. */
final class ArticleApi {

    /** The editor the API calls as, unless a test names another caller. */
    static final String EDITOR = "ada";

    private final MockMvc mvc;
    private final JsonMapper json;

    ArticleApi(MockMvc mvc, JsonMapper json) {
        this.mvc = mvc;
        this.json = json;
    }

    static String body(String title) {
        return """
                {"title": "%s", "summary": "Closed backs for quiet nights.", "category": "Audio",
                 "tags": ["headphones", "studio"], "author": {"name": "Ada Marlowe", "bio": "Mixes in a small flat."},
                 "intro": "Mixing at night means **closed backs** & honest mids.",
                 "entries": [{"rank": 1, "productId": "6650f1c2a1b2c3d4e5f60718", "heading": "Northwind",
                              "body": "Flat and light.", "features": [{"name": "Driver", "description": "40 mm"}]}],
                 "sections": [{"heading": "Buying guide", "body": "Check the clamping force."}]}
                """.formatted(title);
    }

    Response create(String body) {
        return send(
                post("/api/articles").contentType(MediaType.APPLICATION_JSON).content(body), true);
    }

    /** Creates a draft and returns its id. */
    String createDraft(String title) {
        Response created = create(body(title));
        if (created.status() != 201) {
            throw new IllegalStateException("create failed: " + created.status() + " " + created.text());
        }
        return created.json().get("id").asString();
    }

    Response update(String id, String ifMatch, String body) {
        MockHttpServletRequestBuilder request = put("/api/articles/" + id)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
        if (ifMatch != null) {
            request.header(HttpHeaders.IF_MATCH, ifMatch);
        }
        return send(request, true);
    }

    Response publish(String id) {
        return send(post("/api/articles/" + id + "/publish"), true);
    }

    Response publishAt(String id, java.time.Instant at) {
        return send(
                post("/api/articles/" + id + "/publish")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"at\": \"" + at + "\"}"),
                true);
    }

    Response unpublish(String id) {
        return send(post("/api/articles/" + id + "/unpublish"), true);
    }

    Response delete(String id) {
        return send(MockMvcRequestBuilders.delete("/api/articles/" + id), true);
    }

    Response asEditor(MockHttpServletRequestBuilder request) {
        return send(request, true);
    }

    /** As someone else: another editor or an administrator (see {@link TestTokens}). */
    Response as(RequestPostProcessor caller, MockHttpServletRequestBuilder request) {
        return send(request.with(caller), false);
    }

    Response asReader(MockHttpServletRequestBuilder request) {
        return send(request, false);
    }

    Response readerGet(String path) {
        return send(get(path), false);
    }

    Response editorGet(String path) {
        return send(get(path), true);
    }

    private Response send(MockHttpServletRequestBuilder request, boolean editor) {
        if (editor) {
            request.with(TestTokens.editor(EDITOR));
        }
        try {
            MvcResult result = mvc.perform(request).andReturn();
            if (result.getRequest().isAsyncStarted()) {
                // a deferred answer (?wait=searchable): waits for it, as a client would
                result = mvc.perform(MockMvcRequestBuilders.asyncDispatch(result))
                        .andReturn();
            }
            MockHttpServletResponse response = result.getResponse();
            return new Response(
                    response.getStatus(),
                    response.getContentAsString(),
                    response.getHeader(HttpHeaders.ETAG),
                    response.getHeader(HttpHeaders.LOCATION),
                    json);
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** What came back. */
    record Response(int status, String text, String etag, String location, JsonMapper mapper) {

        JsonNode json() {
            return mapper.readTree(text);
        }
    }
}
