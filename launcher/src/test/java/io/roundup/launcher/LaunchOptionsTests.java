package io.roundup.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LaunchOptionsTests {

    @Test
    void runsOneCopyOfEachServiceByDefault() {
        LaunchOptions options = LaunchOptions.parse(List.of());

        assertThat(options.copies())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("article-service", 1, "product-service", 1, "search-service", 1));
    }

    @Test
    void readsRepeatedScaleFlagsInBothSpellings() {
        LaunchOptions options =
                LaunchOptions.parse(List.of("--scale", "search-service=2", "--scale=article-service=3"));

        assertThat(options.copiesOf("search-service")).isEqualTo(2);
        assertThat(options.copiesOf("article-service")).isEqualTo(3);
        assertThat(options.copiesOf("product-service")).isEqualTo(1);
        assertThat(options.copiesOf("gateway")).isEqualTo(1);
    }

    @Test
    void refusesWhatItCannotScaleOrCount() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LaunchOptions.parse(List.of("--scale", "foo=2")))
                .withMessageContaining("'foo' cannot be scaled")
                .withMessageContaining("article-service, product-service, search-service");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LaunchOptions.parse(List.of("--scale", "gateway=2")))
                .withMessageContaining("'gateway' cannot be scaled");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LaunchOptions.parse(List.of("--scale", "search-service=0")))
                .withMessageContaining("from 1 to 9");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LaunchOptions.parse(List.of("--scale", "search-service=10")))
                .withMessageContaining("from 1 to 9");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LaunchOptions.parse(List.of("--scale", "search-service=abc")))
                .withMessageContaining("'abc' is not a whole number");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LaunchOptions.parse(List.of("--scale", "search-service")))
                .withMessageContaining("must be <service>=<copies>");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LaunchOptions.parse(List.of("--scale")))
                .withMessageContaining("--scale needs");
        assertThatIllegalArgumentException()
                .isThrownBy(() ->
                        LaunchOptions.parse(List.of("--scale", "search-service=2", "--scale", "search-service=3")))
                .withMessageContaining("twice");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LaunchOptions.parse(List.of("--sacle", "search-service=2")))
                .withMessageContaining("unknown option '--sacle'");
    }

    @Test
    void givesEachCopyItsOwnNameAndPortAndKeepsTheFirstAsItWas() {
        PlatformSettings settings = PlatformSettings.local(Path.of("."), Path.of("data"), Map.of())
                .with(LaunchOptions.parse(List.of("--scale", "search-service=3", "--scale", "article-service=2")));

        List<Platform.Copy> copies = Platform.prepare(settings).copies();

        assertThat(copies)
                .containsExactly(
                        new Platform.Copy("gateway", "gateway", 8080),
                        new Platform.Copy("article-service", "article-service", 8081),
                        new Platform.Copy("article-service", "article-service-2", 8181),
                        new Platform.Copy("product-service", "product-service", 8082),
                        new Platform.Copy("search-service", "search-service", 8083),
                        new Platform.Copy("search-service", "search-service-2", 8183),
                        new Platform.Copy("search-service", "search-service-3", 8283),
                        new Platform.Copy("web", "web", 8084));
    }
}
