package io.roundup.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The endpoints API.md promises, read from the repository's copy ({@code docs/API.md}) the way a client's developer
 * reads it: each {@code `METHOD /path`} of a bullet, with the statuses named after it and those its section's
 * conventions imply. The sections that are no contract yet (marked "Planned"), the HTML site and the local run
 * options are left out.
 */
final class ApiContract {

    /** One promised endpoint; {@code path} has its variables written {@code {}}, as {@link #normalize} writes them. */
    record Endpoint(
            String method, String path, Set<String> statuses, boolean bearer, boolean ifMatchRequired, boolean etag) {

        String key() {
            return method + " " + path;
        }
    }

    private static final Pattern ENDPOINT = Pattern.compile("`(GET|POST|PUT|DELETE|PATCH) ([^`\\s]+)`");

    private static final Pattern STATUS = Pattern.compile("(?<![\\w.])([1-5]\\d\\d)(?!\\w|\\.\\d)");

    /** Only commas, "and" and spaces between two endpoints: they share what the bullet says after the second. */
    private static final Pattern JOINED = Pattern.compile("[\\s,]*(and)?[\\s,]*");

    private static final Pattern ONE_RESOURCE = Pattern.compile("^/api/(articles|products)/(by-slug/)?\\{}$");

    private static final Set<String> NOT_CONTRACT = Set.of("The site", "Local run options");

    private ApiContract() {}

    static List<Endpoint> read(Path apiMd) {
        try {
            return parse(Files.readAllLines(apiMd));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static List<Endpoint> parse(List<String> lines) {
        Map<String, Endpoint> endpoints = new LinkedHashMap<>();
        String section = "";
        boolean skipped = false;
        boolean sectionStarted = false;
        List<String> bullets = new ArrayList<>();
        StringBuilder bullet = null;
        for (String line : lines) {
            if (line.startsWith("## ")) {
                flush(bullet, bullets);
                bullet = null;
                for (String text : bullets) {
                    if (!skipped) {
                        endpoints(section, text).forEach(e -> endpoints.putIfAbsent(e.key(), e));
                    }
                }
                bullets.clear();
                section = line.substring(3).trim();
                skipped = NOT_CONTRACT.stream().anyMatch(section::startsWith);
                sectionStarted = false;
                continue;
            }
            if (!sectionStarted && !line.isBlank()) {
                sectionStarted = true;
                skipped |= line.startsWith("Planned");
            }
            if (line.startsWith("- ")) {
                flush(bullet, bullets);
                bullet = new StringBuilder(line.substring(2));
            } else if (bullet != null && line.startsWith(" ")) {
                bullet.append(' ').append(line.trim());
            } else {
                flush(bullet, bullets);
                bullet = null;
            }
        }
        flush(bullet, bullets);
        if (!skipped) {
            for (String text : bullets) {
                endpoints(section, text).forEach(e -> endpoints.putIfAbsent(e.key(), e));
            }
        }
        return List.copyOf(endpoints.values());
    }

    private static void flush(StringBuilder bullet, List<String> bullets) {
        if (bullet != null) {
            bullets.add(bullet.toString());
        }
    }

    private static List<Endpoint> endpoints(String section, String text) {
        List<MatchResult> found = ENDPOINT.matcher(text).results().toList();
        List<String[]> resolved = new ArrayList<>();
        String previous = null;
        for (MatchResult m : found) {
            String path = m.group(2);
            if (path.startsWith("…")) {
                String rest = path.substring(1);
                // "…/revisions/{n}" continues the path before it from its first segment on
                int end = rest.indexOf('/', 1);
                String firstSegment = end < 0 ? rest : rest.substring(0, end);
                path = previous.substring(0, previous.indexOf(firstSegment)) + rest;
            }
            previous = path;
            resolved.add(new String[] {m.group(1), path});
        }
        List<Endpoint> endpoints = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            int last = i;
            while (last + 1 < found.size()
                    && JOINED.matcher(text.substring(
                                    found.get(last).end(), found.get(last + 1).start()))
                            .matches()) {
                last++;
            }
            String said = text.substring(
                    found.get(last).end(),
                    last + 1 < found.size() ? found.get(last + 1).start() : text.length());
            for (int j = i; j <= last; j++) {
                endpoints.add(endpoint(section, resolved.get(j)[0], resolved.get(j)[1], said));
            }
            i = last;
        }
        return endpoints;
    }

    private static Endpoint endpoint(String section, String method, String rawPath, String said) {
        boolean query = rawPath.contains("?");
        String path = normalize(query ? rawPath.substring(0, rawPath.indexOf('?')) : rawPath);
        Set<String> statuses = new TreeSet<>();
        Matcher status = STATUS.matcher(said);
        while (status.find()) {
            statuses.add(status.group(1));
        }
        if (statuses.stream().noneMatch(s -> s.startsWith("2"))) {
            statuses.add("200");
        }
        boolean write = !method.equals("GET");
        boolean guarded = said.contains("(editors)") || said.contains("(ADMIN)");
        boolean bearer = (write && !section.startsWith("Auth")) || guarded;
        if (bearer) {
            // Conventions: missing or invalid token → 401, wrong role → 403
            statuses.add("401");
            statuses.add("403");
        }
        boolean ifMatch = said.contains("(If-Match)");
        if (ifMatch) {
            // Conventions: a stale revision → 412, none → 428
            statuses.add("412");
            statuses.add("428");
        }
        String asked = said.contains("→") ? said.substring(0, said.indexOf('→')) : said;
        if (query || said.contains("Body:") || asked.contains("{\"")) {
            // Conventions: errors per field for validation, never a 500 for bad input (a body is what comes before
            // the arrow, or what "Body:" names; after the arrow is the answer)
            statuses.add("400");
        }
        boolean etag = method.equals("GET") && ONE_RESOURCE.matcher(path).matches();
        return new Endpoint(method, path, statuses, bearer, ifMatch, etag);
    }

    /** {@code /api/articles/{id}/revisions/{n}} → {@code /api/articles/{}/revisions/{}}: names differ, places not. */
    static String normalize(String path) {
        return path.replaceAll("\\{[^}]*}", "{}");
    }
}
