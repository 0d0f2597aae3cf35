package io.roundup.web;

import io.roundup.architecture.ModuleArchitecture;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class ArchitectureTests {

    @TestFactory
    Stream<DynamicTest> keepsTheArchitecture() {
        return ModuleArchitecture.of("io.roundup.web").servesOnlyItself().checks();
    }
}
