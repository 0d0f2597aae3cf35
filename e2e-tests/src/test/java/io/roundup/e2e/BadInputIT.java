package io.roundup.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bad input never reaches a 500: arbitrary strings, lengths, repeats, control characters and broken encodings thrown
 * at every read endpoint through the gateway answer without a 5xx, and every 4xx is a problem. The requests are
 * generated from one seed (printed; rerun a failure with {@code -Droundup.badinput.seed=<seed>}) and sent over raw
 * sockets, since an HTTP client refuses to send most of them; before them come the inputs that answered 500 or a bare
 * error once. The gateway's read budget (1200 a minute per address) holds them all: a 429 would still be a problem and
 * pass, but the run fails if more than a tenth were throttled, so that it cannot pass without testing.
 *
 * <p>The generator is hand-written on a seeded {@link Random} rather than jqwik: a jqwik property runs on its own test
 * engine and so could not share this run's one platform launch ({@link SharedRoundup} lives in Jupiter's store), and
 * jqwik's current releases are built on JUnit Platform 1.x, not the 6.x this build runs.
 */
@ExtendWith(SharedRoundup.class)
class BadInputIT {

    private static final long SEED = Long.getLong("roundup.badinput.seed", System.nanoTime());

    /** Generated requests per endpoint, on top of the fixed ones: a few hundred in all, some seconds. */
    private static final int TRIES = Integer.getInteger("roundup.badinput.tries", 24);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What answered 500, an empty 400/414 or Tomcat's HTML page before the rules, with the token it needs. */
    private static final List<String> FOUND_BEFORE = List.of(
            "/api/articles?tag=a%00x",
            "/api/articles?tag=%00x",
            "/api/articles?author=a%00b",
            "/api/articles?tag=%FF",
            "/api/articles?tag=%ED%A0%80",
            "/api/articles?status=%C0%80",
            "/api/articles?tag=%zz",
            "/api/articles?tag=a&tag=b",
            "/api/articles?page=2147483647&size=100",
            "/api/articles?tag=" + "a".repeat(5000),
            "/api/articles/a%FFb",
            "/api/articles/by-slug/%FF",
            "/api/articles/%zz",
            "/api/products?q=a%00b",
            "/api/products?q=%00",
            "/api/products?q=%FF",
            "/api/products?size=1&size=2",
            "/api/products?page=2147483647",
            "/api/products/a%FFb",
            "/api/search?q=%FF",
            "/api/search?size=1&size=2",
            "/api/search/suggest?q=%1F",
            "/api/search/related/a%FFb");

    private static URI gateway;
    private static Map<Access, String> tokens;
    private static Known known;

    @BeforeAll
    static void connect(LaunchedRoundup roundup) {
        gateway = roundup.gatewayUri();
        Gateway client = new Gateway(gateway);
        String admin = roundup.printedAdminPassword().orElseThrow(() -> new AssertionError("no admin password"));
        tokens = Map.of(
                Access.EDITOR, client.token("editor", roundup.editorPassword()),
                Access.ADMIN, client.token("admin", admin));
        JsonNode article =
                client.get("/api/articles?size=1").json().get("items").get(0);
        known = new Known(
                article.get("id").asString(),
                article.get("slug").asString(),
                client.get("/api/products?size=1")
                        .json()
                        .get("items")
                        .get(0)
                        .get("id")
                        .asString(),
                client.get("/api/search?size=1").json().path("nextCursor").asString(""),
                client.get("/api/search?q=best&size=1")
                        .json()
                        .path("nextCursor")
                        .asString(""));
        System.out.printf("[e2e] bad input: seed %d (-Droundup.badinput.seed=%d to repeat)%n", SEED, SEED);
    }

    @TestFactory
    Stream<DynamicTest> everyReadEndpointAnswersBadInputWithoutA5xxAndEvery4xxIsAProblem() {
        Random random = new Random(SEED);
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(dynamicTest("inputs that failed before", () -> check(fixedRequests())));
        for (Endpoint endpoint : Endpoint.values()) {
            List<Request> requests = new ArrayList<>();
            for (int i = 0; i < TRIES; i++) {
                requests.add(endpoint.generate(random));
            }
            tests.add(dynamicTest(
                    endpoint.name().toLowerCase(Locale.ROOT) + ": GET " + endpoint.template, () -> check(requests)));
        }
        return tests.stream();
    }

    private static List<Request> fixedRequests() {
        return FOUND_BEFORE.stream()
                .map(target -> new Request(target, target.contains("/revisions") ? Access.EDITOR : Access.PUBLIC))
                .toList();
    }

    private static void check(List<Request> requests) throws Exception {
        List<String> failures = new ArrayList<>();
        AtomicInteger throttled = new AtomicInteger();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<Answer>> answers = new ArrayList<>();
            for (Request request : requests) {
                answers.add(pool.submit(() -> send(request)));
            }
            for (int i = 0; i < requests.size(); i++) {
                Request request = requests.get(i);
                Answer answer = answers.get(i).get();
                if (answer.status() == 429) {
                    throttled.incrementAndGet();
                }
                String fault = answer.fault();
                if (fault != null) {
                    failures.add(request + " → " + fault + ": " + answer);
                }
            }
        }
        assertThat(failures).as("answers to bad input (seed %d)", SEED).isEmpty();
        assertThat(throttled.get())
                .as("requests refused by the rate limit, which then tested nothing")
                .isLessThanOrEqualTo(requests.size() / 10);
    }

    private static Answer send(Request request) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), gateway.getPort())) {
            socket.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder("GET ")
                    .append(request.target())
                    .append(" HTTP/1.1\r\nHost: 127.0.0.1:")
                    .append(gateway.getPort())
                    .append("\r\nConnection: close\r\n");
            String token = tokens.get(request.access());
            if (token != null) {
                head.append("Authorization: Bearer ").append(token).append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return Answer.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException ex) {
            return new Answer(0, "", "no answer: " + ex);
        }
    }

    /** Who asks: the roles matter because editors' and admins' reads take other paths. */
    enum Access {
        PUBLIC,
        EDITOR,
        ADMIN
    }

    /** Real values to start from, so that some requests get past the first check and reach the stores. */
    record Known(String articleId, String slug, String productId, String newestCursor, String relevanceCursor) {}

    /** The kinds of value a parameter or path variable takes; each knows a few good values to mutate. */
    enum Kind {
        TEXT,
        NUMBER,
        STATUS,
        SORT,
        PRICE,
        CURSOR,
        ARTICLE_ID,
        SLUG,
        PRODUCT_ID,
        REVISION,
        JOB_ID;

        String good(Random random) {
            return switch (this) {
                case TEXT -> pick(random, "headphones", "Audio", "Mira Okafor", "gear", "espresso", "Crème", "");
                case NUMBER -> pick(random, "0", "1", "10", "100");
                case STATUS -> pick(random, "PUBLISHED", "draft", "SCHEDULED", "unpublished");
                case SORT -> pick(random, "relevance", "newest");
                case PRICE -> pick(random, "under-25", "25-100", "500-plus", "100-250");
                case CURSOR -> pick(random, known.newestCursor(), known.relevanceCursor(), "");
                case ARTICLE_ID -> known.articleId();
                case SLUG -> known.slug();
                case PRODUCT_ID -> known.productId();
                case REVISION -> pick(random, "1", "2");
                case JOB_ID -> "6b0791cf6b0791cf6b0791cf";
            };
        }

        boolean isPathVariable() {
            return this == ARTICLE_ID || this == SLUG || this == PRODUCT_ID || this == REVISION || this == JOB_ID;
        }
    }

    /** Every read endpoint of the public API, with its parameters and the token that reaches its guarded paths. */
    enum Endpoint {
        ARTICLES(
                "/api/articles",
                Access.PUBLIC,
                Map.of(
                        "status",
                        Kind.STATUS,
                        "category",
                        Kind.TEXT,
                        "author",
                        Kind.TEXT,
                        "tag",
                        Kind.TEXT,
                        "page",
                        Kind.NUMBER,
                        "size",
                        Kind.NUMBER)),
        ARTICLES_AS_EDITOR(
                "/api/articles",
                Access.EDITOR,
                Map.of("status", Kind.STATUS, "tag", Kind.TEXT, "page", Kind.NUMBER, "size", Kind.NUMBER)),
        ARTICLE("/api/articles/{ARTICLE_ID}", Access.PUBLIC, Map.of()),
        ARTICLE_BY_SLUG("/api/articles/by-slug/{SLUG}", Access.PUBLIC, Map.of()),
        REVISIONS(
                "/api/articles/{ARTICLE_ID}/revisions",
                Access.EDITOR,
                Map.of("page", Kind.NUMBER, "size", Kind.NUMBER)),
        REVISION("/api/articles/{ARTICLE_ID}/revisions/{REVISION}", Access.EDITOR, Map.of()),
        PRODUCTS(
                "/api/products",
                Access.PUBLIC,
                Map.of("q", Kind.TEXT, "kind", Kind.TEXT, "page", Kind.NUMBER, "size", Kind.NUMBER)),
        PRODUCT("/api/products/{PRODUCT_ID}", Access.PUBLIC, Map.of()),
        SEARCH(
                "/api/search",
                Access.PUBLIC,
                Map.of(
                        "q", Kind.TEXT,
                        "category", Kind.TEXT,
                        "tag", Kind.TEXT,
                        "author", Kind.TEXT,
                        "productKind", Kind.TEXT,
                        "price", Kind.PRICE,
                        "sort", Kind.SORT,
                        "size", Kind.NUMBER,
                        "cursor", Kind.CURSOR)),
        SUGGEST("/api/search/suggest", Access.PUBLIC, Map.of("q", Kind.TEXT)),
        RELATED("/api/search/related/{ARTICLE_ID}", Access.PUBLIC, Map.of()),
        REINDEX_JOB("/api/search/reindex/{JOB_ID}", Access.ADMIN, Map.of()),
        SYNONYMS("/api/search/synonyms", Access.ADMIN, Map.of()),
        JWKS("/api/auth/jwks", Access.PUBLIC, Map.of());

        final String template;
        final Access access;
        final Map<String, Kind> parameters;

        Endpoint(String template, Access access, Map<String, Kind> parameters) {
            this.template = template;
            this.access = access;
            this.parameters = new TreeMap<>(parameters); // one order, so that the seed alone decides the requests
        }

        Request generate(Random random) {
            StringBuilder target = new StringBuilder();
            for (String segment : template.substring(1).split("/")) {
                target.append('/');
                if (segment.startsWith("{")) {
                    Kind kind = Kind.valueOf(segment.substring(1, segment.length() - 1));
                    target.append(
                            random.nextInt(4) == 0 ? encode(kind.good(random)) : Values.pathVariable(random, kind));
                } else {
                    target.append(segment);
                }
            }
            List<String> pairs = new ArrayList<>();
            for (Map.Entry<String, Kind> parameter : parameters.entrySet()) {
                if (random.nextBoolean()) {
                    int repeats = Values.repeats(random);
                    for (int i = 0; i < repeats; i++) {
                        pairs.add(parameter.getKey() + "=" + Values.parameter(random, parameter.getValue()));
                    }
                }
            }
            if (random.nextInt(8) == 0) {
                pairs.add(Values.text(random) + "=" + Values.text(random)); // a name no endpoint knows
            }
            Collections.shuffle(pairs, random);
            if (!pairs.isEmpty()) {
                target.append('?').append(String.join("&", pairs));
            }
            // Guarded reads also get asked without a token and by the wrong role, as readers would.
            Access asking = access != Access.PUBLIC && random.nextInt(5) == 0
                    ? pick(random, Access.PUBLIC, Access.EDITOR)
                    : access == Access.PUBLIC && random.nextInt(3) == 0 ? Access.EDITOR : access;
            return new Request(target.toString(), asking);
        }
    }

    /** Raw, already-encoded pieces of a request target: what a browser sends, and what no browser should. */
    static final class Values {

        /** Percent-encoded UTF-8 of characters a reader might type, and of some no reader types. */
        private static final String[] CHARACTERS = {
            "a", "Z", "7", " ", "-", "_", ".", "é", "ß", "東", "京", "Ж", "ا", "🎧", "😀", "\uFFFD", "\uFEFF", "\u202E",
            "\uFFFF", "\"", "'", "*", "?", "~", "^", ":", "(", ")", "[", "]", "{", "}", "\\", "/", "!", "+", "&", "|",
            "=", "#", "%", "$", "<", ">", ";", ",", "@", "\u0000", "\u0001", "\u0009", "\n", "\r", "\u001B", "\u001E",
            "\u001F", "\u007F", "\u0085", "\u009F", "\u2028"
        };

        /** Broken on purpose: invalid UTF-8, lone surrogates, overlong forms, bad escapes. */
        private static final String[] BROKEN = {
            "%FF",
            "%C0%80",
            "%C0%AF",
            "%ED%A0%80",
            "%ED%B0%80",
            "%E2%82",
            "%F4%90%80%80",
            "%F8%88%80%80%80",
            "%80",
            "%zz",
            "%",
            "%4",
            "%%",
            "%G0",
            "%u0041"
        };

        /** Sent as they are, unencoded: what a careless client puts on the wire (never CR or LF: that is framing). */
        private static final String[] RAW = {
            " ", "\"", "<", ">", "\\", "^", "`", "{", "|", "}", "\u007F", "\t", "\u00FF", "\u00E9", "\u0001", "\u0000",
            "#"
        };

        /** What a path variable may try to smuggle. */
        private static final String[] PATH_TRICKS = {
            "%2F",
            "%2f",
            "%2E%2E",
            "..",
            ".",
            "%2E",
            "%5C",
            ";",
            "%3B",
            "%25",
            "%252F",
            "/",
            "//",
            "..%2F..%2Factuator",
            "%00",
            "*",
            "_all",
            "_search"
        };

        private static final String[] NUMBERS = {
            "-1",
            "0",
            "1",
            "100",
            "101",
            "10000",
            "10001",
            "2147483647",
            "2147483648",
            "-2147483649",
            "9223372036854775808",
            "1e3",
            "1.5",
            "",
            " ",
            "+1",
            "0x10",
            "١٢",
            "１",
            "NaN",
            "Infinity",
            "--1",
            "1_000",
            "00000000000000000000000000001"
        };

        static String parameter(Random random, Kind kind) {
            return switch (random.nextInt(10)) {
                case 0, 1 -> encode(kind.good(random));
                case 2 -> kind == Kind.NUMBER ? pick(random, NUMBERS) : encode(kind.good(random)) + piece(random);
                case 3 -> kind == Kind.CURSOR ? mutatedCursor(random) : pick(random, NUMBERS);
                default -> text(random);
            };
        }

        static String pathVariable(Random random, Kind kind) {
            return switch (random.nextInt(6)) {
                case 0 -> pick(random, PATH_TRICKS);
                case 1 -> encode(kind.good(random)) + pick(random, PATH_TRICKS);
                case 2 -> pick(random, NUMBERS).replace(" ", "%20");
                default -> text(random);
            };
        }

        /** Mostly once; sometimes twice or three times; now and then far more than any filter takes. */
        static int repeats(Random random) {
            int roll = random.nextInt(20);
            return roll < 15 ? 1 : roll < 19 ? 2 + random.nextInt(2) : 20 + random.nextInt(15);
        }

        /** A string of pieces, its length drawn from short, ordinary, at the limits and absurd. */
        static String text(Random random) {
            int length = switch (random.nextInt(10)) {
                case 0 -> 0;
                case 1, 2, 3 -> 1 + random.nextInt(4);
                case 4, 5, 6 -> 5 + random.nextInt(30);
                case 7 -> 95 + random.nextInt(15); // around suggest's 100
                case 8 -> 195 + random.nextInt(15); // around q's 200
                default -> 300 + random.nextInt(1500); // absurd: past every limit, sometimes past the request line
            };
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < length; i++) {
                text.append(piece(random));
            }
            return text.toString();
        }

        static String piece(Random random) {
            int roll = random.nextInt(100);
            if (roll < 70) {
                return encode(pick(random, CHARACTERS));
            }
            if (roll < 88) {
                return Character.toString('a' + random.nextInt(26));
            }
            if (roll < 96) {
                return pick(random, BROKEN);
            }
            return pick(random, RAW);
        }

        /** A real cursor with a few characters changed, cut short or grown, or base64 of some other JSON. */
        static String mutatedCursor(Random random) {
            String cursor = pick(random, known.newestCursor(), known.relevanceCursor());
            if (cursor.isEmpty() || random.nextInt(4) == 0) {
                String json = pick(
                        random,
                        "{\"m\":\"newest\",\"a\":[9223372036854775807,\"x\"]}",
                        "{\"m\":\"relevance\",\"p\":\"AAAA\",\"a\":[1e400,-1,\"\"]}",
                        "{\"m\":\"relevance\",\"a\":[\"x\",1,2]}",
                        "{\"m\":\"newest\",\"a\":[1,\"\\u0000\"]}",
                        "[]",
                        "null");
                return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
            }
            StringBuilder mutated = new StringBuilder(cursor);
            switch (random.nextInt(3)) {
                case 0 -> mutated.setLength(random.nextInt(cursor.length()));
                case 1 -> mutated.append(text(random));
                default -> {
                    for (int i = 0; i < 1 + random.nextInt(3); i++) {
                        mutated.setCharAt(random.nextInt(mutated.length()), (char) ('A' + random.nextInt(58)));
                    }
                }
            }
            return encode(mutated.toString());
        }
    }

    /** Percent-encodes every byte of the UTF-8 form except unreserved ASCII (a lone surrogate becomes {@code %3F}). */
    static String encode(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-_.~".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(HexFormat.of().withUpperCase().toHexDigits((byte) c));
            }
        }
        return encoded.toString();
    }

    @SafeVarargs
    static <T> T pick(Random random, T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    record Request(String target, Access access) {

        @Override
        public String toString() {
            String shown =
                    target.length() > 300 ? target.substring(0, 300) + "…(" + target.length() + " chars)" : target;
            return "GET " + shown + " as " + access.name().toLowerCase(Locale.ROOT);
        }
    }

    record Answer(int status, String contentType, String body) {

        static Answer parse(String raw) {
            int headEnd = raw.indexOf("\r\n\r\n");
            if (!raw.startsWith("HTTP/1.1 ") || headEnd < 0) {
                return new Answer(0, "", raw.isEmpty() ? "no answer" : raw);
            }
            String[] lines = raw.substring(0, headEnd).split("\r\n");
            int status = Integer.parseInt(lines[0].substring(9, 12));
            String contentType = "";
            boolean chunked = false;
            for (String line : lines) {
                if (line.regionMatches(true, 0, "Content-Type:", 0, 13)) {
                    contentType = line.substring(13).strip();
                } else if (line.regionMatches(true, 0, "Transfer-Encoding:", 0, 18)) {
                    chunked = line.toLowerCase(Locale.ROOT).contains("chunked");
                }
            }
            String body = raw.substring(headEnd + 4);
            return new Answer(status, contentType, chunked ? dechunk(body) : body);
        }

        /** The body without its chunk framing (sizes count bytes; these bodies are read as UTF-8). */
        private static String dechunk(String chunked) {
            byte[] bytes = chunked.getBytes(StandardCharsets.UTF_8);
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            int at = 0;
            while (at < bytes.length) {
                int lineEnd = indexOfCrLf(bytes, at);
                if (lineEnd < 0) {
                    break;
                }
                String sizeLine = new String(bytes, at, lineEnd - at, StandardCharsets.US_ASCII);
                int size = Integer.parseInt(sizeLine.split(";")[0].strip(), 16);
                if (size == 0) {
                    break;
                }
                body.write(bytes, lineEnd + 2, Math.min(size, bytes.length - lineEnd - 2));
                at = lineEnd + 2 + size + 2;
            }
            return body.toString(StandardCharsets.UTF_8);
        }

        private static int indexOfCrLf(byte[] bytes, int from) {
            for (int i = from; i + 1 < bytes.length; i++) {
                if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                    return i;
                }
            }
            return -1;
        }

        /** What is wrong with this answer to bad input, or null. */
        String fault() {
            if (status < 100) {
                return "no HTTP answer";
            }
            if (status >= 500) {
                return "a server error";
            }
            if (status >= 400) {
                if (!contentType.startsWith("application/problem+json")) {
                    return "a 4xx that is not application/problem+json";
                }
                try {
                    JsonNode problem = JSON.readTree(body);
                    if (problem.path("status").asInt() != status || !problem.hasNonNull("title")) {
                        return "a problem without the answer's status or a title";
                    }
                } catch (JacksonException ex) {
                    return "a problem whose body is not JSON";
                }
            }
            return null;
        }

        @Override
        public String toString() {
            String shown = body.length() > 300 ? body.substring(0, 300) + "…" : body;
            return status + " " + contentType + " " + shown.replace("\r\n", " ");
        }
    }
}
