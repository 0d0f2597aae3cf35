package io.roundup.devservices;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The last lines of a server's log, to explain a failed start. */
final class LogTail {

    private static final int LINES = 40;

    private LogTail() {}

    static DevServiceException of(Path logFile) {
        return new DevServiceException("Last lines of " + logFile + ":\n" + read(logFile));
    }

    static String read(Path logFile) {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.ISO_8859_1);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LINES), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
