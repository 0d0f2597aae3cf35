package io.roundup.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The version in the console's asset addresses ({@code /assets/<version>/console/main.js}). The console is a set of
 * ES modules that import each other by relative path, which a per-file content hash in the name cannot follow; a
 * version in the folder can, because {@code ./dom.js} resolves under the same versioned folder. The version is a
 * hash of all the modules together, so a changed module gives every module a new address and a browser never mixes
 * an old module with a new one, while unchanged files stay cached for a year.
 */
final class ConsoleAssets {

    static final String VERSION_PROPERTY = "roundup.web.console-version";
    private static final String MODULES = "classpath*:static/console/*.js";

    private ConsoleAssets() {}

    static String version() {
        try {
            Resource[] modules = new PathMatchingResourcePatternResolver().getResources(MODULES);
            Arrays.sort(modules, Comparator.comparing(Resource::getFilename));
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Resource module : modules) {
                digest.update(module.getFilename().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                try (InputStream in = module.getInputStream()) {
                    digest.update(in.readAllBytes());
                }
            }
            return "c" + HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (IOException ex) {
            throw new UncheckedIOException("The console's modules could not be read", ex);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
