package io.roundup.launcher.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a seeding has already done, one line per step, so that a seeding stopped half-way (a service down, Ctrl-C)
 * resumes where it stopped on the next start instead of creating the same products and roundups twice. A journal
 * without a file (tests, or nothing to keep) remembers only in memory.
 */
final class DemoJournal {

    private static final String PRODUCT = "product";
    private static final String ARTICLE = "article";
    private static final String PUBLISHED = "published";

    private final Path file;

    private final Map<String, String> products = new HashMap<>();

    private final Map<String, String> articles = new HashMap<>();

    private final Set<String> published = new HashSet<>();

    private DemoJournal(Path file) {
        this.file = file;
    }

    /** The journal in {@code file}, with whatever an earlier seeding wrote there. */
    static DemoJournal open(Path file) {
        DemoJournal journal = new DemoJournal(file);
        if (file != null && Files.isRegularFile(file)) {
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    journal.replay(line);
                }
            } catch (IOException ex) {
                throw new SeedingFailed("cannot read " + file + ": " + ex.getMessage(), ex);
            }
        }
        return journal;
    }

    static DemoJournal inMemory() {
        return new DemoJournal(null);
    }

    Optional<String> productId(String key) {
        return Optional.ofNullable(products.get(key));
    }

    Optional<String> articleId(String title) {
        return Optional.ofNullable(articles.get(title));
    }

    boolean isPublished(String title) {
        return published.contains(title);
    }

    void product(String key, String id) {
        append(PRODUCT + "\t" + key + "\t" + id);
    }

    void article(String title, String id) {
        append(ARTICLE + "\t" + title + "\t" + id);
    }

    void published(String title) {
        append(PUBLISHED + "\t" + title);
    }

    /** The seeding is complete: the marker takes over and the journal goes. */
    void delete() {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ex) {
                // harmless: with the marker written, the journal is never read again
            }
        }
    }

    private void append(String line) {
        replay(line);
        if (file != null) {
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(
                        file,
                        line + "\n",
                        StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException ex) {
                throw new SeedingFailed("cannot write " + file + ": " + ex.getMessage(), ex);
            }
        }
    }

    private void replay(String line) {
        String[] parts = line.split("\t");
        switch (parts[0]) {
            case PRODUCT -> products.put(parts[1], parts[2]);
            case ARTICLE -> articles.put(parts[1], parts[2]);
            case PUBLISHED -> published.add(parts[1]);
            default -> {
                // an unknown line from a newer launcher: ignore it
            }
        }
    }
}
