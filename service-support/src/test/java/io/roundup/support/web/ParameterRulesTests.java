package io.roundup.support.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

class ParameterRulesTests {

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Listing())
            .addInterceptors(new ParameterRules())
            .setControllerAdvice(new ProblemAdvice())
            .build();

    @Test
    void aNulInAFilterIsA400NamingIt() throws Exception {
        mvc.perform(get(URI.create("/things?tag=a%00x")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Validation failed"))
                .andExpect(jsonPath("$.detail").value("The request has invalid parameters."))
                .andExpect(jsonPath("$.errors.tag[0]").value("must not contain control characters"));
    }

    @Test
    void controlCharactersAnywhereInTheQueryAreRefused() throws Exception {
        for (String query : List.of("tag=%01", "tag=a%09b", "tag=%0A", "tag=%7F", "tag=%C2%85", "t%00g=x")) {
            mvc.perform(get(URI.create("/things?" + query))).andExpect(status().isBadRequest());
        }
    }

    @Test
    void invalidPercentEncodingAndInvalidUtf8AreRefusedByName() throws Exception {
        for (String value : List.of("%ff", "%ED%A0%80", "%C0%80", "%zz", "%", "%4", "a%e2%82")) {
            mvc.perform(get("/things").with(rawQuery("tag=" + value)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors.tag[0]").value("must be percent-encoded UTF-8"));
        }
        mvc.perform(get(URI.create("/things?%ff=1")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.query[0]").value("must be percent-encoded UTF-8"));
    }

    @Test
    void aSingleValuedParameterGivenTwiceIsRefusedWhileAListTakesRepeats() throws Exception {
        mvc.perform(get(URI.create("/things?tag=a&tag=b")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.tag[0]").value("must be given at most once"));
        mvc.perform(get(URI.create("/things?size=1&size=2")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.size[0]").value("must be given at most once"));
        mvc.perform(get(URI.create("/things?kind=a&kind=b&kind=c"))).andExpect(status().isOk());
    }

    @Test
    void absurdLengthsAndCountsAreRefused() throws Exception {
        mvc.perform(get(URI.create("/things?tag=" + "x".repeat(ParameterRules.MAX_VALUE_LENGTH + 1))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.tag[0]").value("must be at most 1000 characters"));
        mvc.perform(get(URI.create("/things?" + "kind=k&".repeat(ParameterRules.MAX_PARAMETERS + 1))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.query[0]").value("must have at most 100 parameters"));
        mvc.perform(get(URI.create("/things/" + "x".repeat(ParameterRules.MAX_PATH_VARIABLE_LENGTH + 1))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.id[0]").value("must be at most 200 characters"));
    }

    @Test
    void aControlCharacterInAPathVariableIsA400NamingIt() throws Exception {
        mvc.perform(get(URI.create("/things/a%01b")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.id[0]").value("must not contain control characters"));
    }

    @Test
    void ordinaryTextOfAnyScriptPasses() throws Exception {
        mvc.perform(get(URI.create("/things?tag=Cr%C3%A8me+br%C3%BBl%C3%A9e&kind=%F0%9F%8E%A7&kind=&size=5")))
                .andExpect(status().isOk());
        mvc.perform(get(URI.create("/things/%E6%9D%B1%E4%BA%AC"))).andExpect(status().isOk());
    }

    @Test
    void aNonNumericNumberIsNamedUnderErrors() throws Exception {
        mvc.perform(get(URI.create("/things?size=abc")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.size[0]").value("must be a whole number"));
    }

    @Test
    void decodingIsStrictUtf8WithPlusAsSpace() {
        assertThat(ParameterRules.decode("a+b%20c")).isEqualTo("a b c");
        assertThat(ParameterRules.decode("%F0%9F%98%80")).isEqualTo("😀");
        assertThat(ParameterRules.decode("%F0%9F%98")).isNull();
        assertThat(ParameterRules.decode("%ED%B0%80"))
                .as("a lone low surrogate")
                .isNull();
    }

    /** A query string exactly as a client sent it, even one that is not a valid URI. */
    private static RequestPostProcessor rawQuery(String query) {
        return request -> {
            request.setQueryString(query);
            return request;
        };
    }

    @RestController
    static class Listing {

        @GetMapping("/things")
        String list(
                @RequestParam(required = false) String tag,
                @RequestParam(required = false) List<String> kind,
                @RequestParam(defaultValue = "10") int size) {
            return tag + "|" + kind + "|" + size;
        }

        @GetMapping("/things/{id}")
        String get(@PathVariable String id) {
            return id;
        }
    }
}
