package io.roundup.launcher;

import java.nio.file.Path;

/** The JVM that runs the launcher also runs the services: it is already known to be a JDK 21 or newer. */
final class Jvm {

    private Jvm() {}

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
