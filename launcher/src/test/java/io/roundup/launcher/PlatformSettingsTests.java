package io.roundup.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlatformSettingsTests {

    private static final String C1_ALONE = "-XX:TieredStopAtLevel=1";

    private static final List<String> OFF_THE_SEARCH_PATH = List.of("article-service", "product-service", "web");

    private static PlatformSettings settings(Map<String, String> env) {
        return PlatformSettings.local(Path.of("."), Path.of(".roundup"), env);
    }

    @Test
    void givesC2ToWhatEverySearchPassesThroughAndC1AloneToTheRest() {
        PlatformSettings settings = settings(Map.of());

        assertThat(settings.optimizes("elasticsearch")).isTrue();
        assertThat(settings.jvmOptions("gateway")).doesNotContain(C1_ALONE);
        assertThat(settings.jvmOptions("search-service")).doesNotContain(C1_ALONE);
        for (String module : OFF_THE_SEARCH_PATH) {
            assertThat(settings.jvmOptions(module)).as(module).contains(C1_ALONE);
        }
    }

    @Test
    void runsC1AloneEverywhereWhenAskedForTheQuickestStart() {
        PlatformSettings settings = settings(Map.of(PlatformSettings.C2, "none"));

        assertThat(settings.optimizes("elasticsearch")).isFalse();
        for (String module : List.of("gateway", "search-service", "article-service", "product-service", "web")) {
            assertThat(settings.jvmOptions(module)).as(module).contains(C1_ALONE);
        }
    }

    @Test
    void givesC2ToEveryServiceWhenAskedFor() {
        PlatformSettings settings = settings(Map.of(PlatformSettings.C2, " ALL "));

        for (String module : OFF_THE_SEARCH_PATH) {
            assertThat(settings.jvmOptions(module)).as(module).doesNotContain(C1_ALONE);
        }
    }

    @Test
    void refusesAChoiceItDoesNotKnow() {
        assertThatThrownBy(() -> settings(Map.of(PlatformSettings.C2, "some")))
                .isInstanceOf(StartupFailure.class)
                .hasMessageContaining("ROUNDUP_C2=some is not search, none or all");
    }

    @Test
    void givesEveryServiceTheSmallHeapAndTheSerialCollector() {
        PlatformSettings settings = settings(Map.of());

        for (String module : List.of("gateway", "search-service", "article-service", "web")) {
            assertThat(settings.jvmOptions(module)).as(module).contains("-XX:+UseSerialGC", "-Xmx384m");
        }
    }
}
