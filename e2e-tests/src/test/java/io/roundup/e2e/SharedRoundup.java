package io.roundup.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One launch of the platform for the whole test run: the first test class that asks for a {@link LaunchedRoundup}
 * (as a parameter of a {@code @BeforeAll} method or a test) starts it, every later class gets the same one, and it is
 * stopped once when the run ends, with the check that stopping leaves nothing behind. Starting it takes a minute or
 * more on two cores, so no class starts its own.
 */
final class SharedRoundup implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedRoundup.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LaunchedRoundup.class;
    }

    @Override
    public LaunchedRoundup resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // The root context's store lives as long as the run and closes what it holds when the run ends; a failure
        // there fails the run.
        return context.getRoot()
                .getStore(NAMESPACE)
                .computeIfAbsent(Launch.class, key -> Launch.start(), Launch.class)
                .roundup;
    }

    private record Launch(LaunchedRoundup roundup) implements AutoCloseable {

        static Launch start() {
            Path projectDir = Path.of(System.getProperty("roundup.project-dir", ".."))
                    .toAbsolutePath()
                    .normalize();
            try {
                LaunchedRoundup roundup = LaunchedRoundup.start(projectDir, "e2e-" + UUID.randomUUID());
                System.out.printf(
                        "[e2e] ./roundup up: platform up in %.1f s%n",
                        roundup.startedIn().toMillis() / 1e3);
                return new Launch(roundup);
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }

        /** SIGTERM, as a user's Ctrl-C: the platform must stop completely. */
        @Override
        public void close() {
            roundup.stopLeavingNothingBehind("after the run");
        }
    }
}
