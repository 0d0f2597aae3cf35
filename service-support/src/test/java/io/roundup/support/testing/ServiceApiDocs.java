package io.roundup.support.testing;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A service's own OpenAPI document, read as the gateway reads it, for the services' document tests. */
public final class ServiceApiDocs {

    private ServiceApiDocs() {}

    public static JsonNode fetch(MockMvc mvc) throws Exception {
        String body = mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonMapper.builder().build().readTree(body);
    }

    /** Every operation of the document as {@code "METHOD /path"}. */
    public static List<String> operations(JsonNode docs) {
        List<String> operations = new ArrayList<>();
        docs.get("paths")
                .properties()
                .forEach(path -> path.getValue()
                        .propertyNames()
                        .forEach(method -> operations.add(method.toUpperCase() + " " + path.getKey())));
        return operations;
    }
}
