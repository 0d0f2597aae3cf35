package io.roundup.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A hit shows its fragments by name, not by the indexed field they came from. */
class HighlightsTests {

    @Test
    void fieldsOfOneNameAreMergedAndShowAtMostThreeFragments() {
        Map<String, List<String>> byField = new LinkedHashMap<>();
        byField.put("title", List.of("The best <em>trail</em> shoes"));
        byField.put("entries.body", List.of("a", "b"));
        byField.put("sections.body", List.of("c", "d"));
        byField.put("entries.features.name", List.of("e"));
        byField.put("products.name", List.of("f"));

        assertThat(Highlights.byName(byField))
                .containsExactly(
                        Map.entry("title", List.of("The best <em>trail</em> shoes")),
                        Map.entry("body", List.of("a", "b", "c")),
                        Map.entry("features", List.of("e")),
                        Map.entry("products", List.of("f")));
    }

    @Test
    void aFieldWithoutANameKeepsItsOwn() {
        assertThat(Highlights.byName(Map.of("author.text", List.of("Mara"))))
                .containsEntry("author.text", List.of("Mara"));
    }
}
