package io.roundup.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.roundup.support.security.ApiSecurityAutoConfiguration;
import io.roundup.support.testing.ServiceApiDocs;
import io.roundup.support.web.WebSupportAutoConfiguration;
import java.lang.reflect.Constructor;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.ClassUtils;
import tools.jackson.databind.JsonNode;

/**
 * Search's OpenAPI document, as the gateway fetches it: the reader's routes and the admins', with the statuses
 * clients rely on. Every controller of the service is in the slice; what they are built from is mocked.
 */
@WebMvcTest
@Import({SearchApiDocs.class, SearchApiDocsTests.MockedCollaborators.class})
@ImportAutoConfiguration({ApiSecurityAutoConfiguration.class, WebSupportAutoConfiguration.class})
class SearchApiDocsTests {

    @Autowired
    MockMvc mvc;

    JsonNode docs;

    @BeforeEach
    void fetchDocs() throws Exception {
        docs = ServiceApiDocs.fetch(mvc);
    }

    @Test
    void describesTheReadersAndTheAdminsRoutesAndNothingElse() {
        assertThat(ServiceApiDocs.operations(docs))
                .containsExactlyInAnyOrder(
                        "GET /api/search",
                        "GET /api/search/suggest",
                        "GET /api/search/related/{articleId}",
                        "POST /api/search/reindex",
                        "GET /api/search/reindex/{id}",
                        "GET /api/search/synonyms",
                        "PUT /api/search/synonyms");
    }

    @Test
    void searchIsPublicAndShowsAnAnswer() {
        JsonNode search = docs.at("/paths/~1api~1search/get");
        assertThat(search.has("security")).isFalse();
        assertThat(search.get("responses").propertyNames()).containsExactly("200", "400", "503");
        assertThat(search.get("parameters").valueStream().map(p -> p.get("name").asString()))
                .contains("q", "category", "tag", "author", "productKind", "price", "sort", "size", "cursor");
        assertThat(search.at("/responses/200/content/application~1json/examples/search-answer/value/hits/0/slug")
                        .asString())
                .isEqualTo("the-best-noise-cancelling-headphones");
        assertThat(docs.at("/paths/~1api~1search~1related~1{articleId}/get/responses")
                        .propertyNames())
                .containsExactly("200", "404");
    }

    @Test
    void reindexAndSynonymsAreForAdminsAndAnswer202WithTheJob() {
        for (String pointer : List.of(
                "/paths/~1api~1search~1reindex/post",
                "/paths/~1api~1search~1synonyms/put",
                "/paths/~1api~1search~1synonyms/get",
                "/paths/~1api~1search~1reindex~1{id}/get")) {
            JsonNode operation = docs.at(pointer);
            assertThat(operation.get("x-roles").toString()).as(pointer).isEqualTo("[\"ADMIN\"]");
            assertThat(operation.get("security").toString()).as(pointer).isEqualTo("[{\"bearer\":[]}]");
            assertThat(operation.get("responses").propertyNames()).as(pointer).contains("401", "403");
        }
        assertThat(docs.at("/paths/~1api~1search~1reindex/post/responses").propertyNames())
                .containsExactly("202", "401", "403");
        assertThat(docs.at("/paths/~1api~1search~1synonyms/put/responses").propertyNames())
                .containsExactly("202", "400", "401", "403", "412");
    }

    /** A mock for whatever a controller or advice of the service is built from, so the slice needs no servers. */
    static class MockedCollaborators implements BeanDefinitionRegistryPostProcessor {

        @Override
        public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
            for (String name : registry.getBeanDefinitionNames()) {
                BeanDefinition definition = registry.getBeanDefinition(name);
                String className = definition.getBeanClassName();
                if (className == null || !className.startsWith("io.roundup.search.")) {
                    continue;
                }
                Class<?> type =
                        ClassUtils.resolveClassName(className, getClass().getClassLoader());
                for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                    for (Class<?> needed : constructor.getParameterTypes()) {
                        register(registry, needed);
                    }
                }
            }
        }

        private static <T> void register(BeanDefinitionRegistry registry, Class<T> type) {
            String name = "mock-" + type.getName();
            if (type.getName().startsWith("io.roundup.search.") && !registry.containsBeanDefinition(name)) {
                registry.registerBeanDefinition(
                        name,
                        BeanDefinitionBuilder.genericBeanDefinition(type, () -> Mockito.mock(type))
                                .getBeanDefinition());
            }
        }
    }
}
