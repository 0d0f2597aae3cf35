package io.roundup.launcher;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where the platform runs and with which secrets.
 *
 * @param projectDir the checkout, where each service's jar is found under {@code <module>/target}
 * @param dataDir where servers keep their data and services their logs
 * @param ports the loopback ports of every part
 * @param editorPassword the {@code editor} user's password
 * @param adminPassword the {@code admin} user's password
 * @param generatedPasswords the users whose passwords were made up here and must be shown once (never a chosen one)
 * @param serviceJvmOptions options for each service JVM (its compilers come on top, see {@link #jvmOptions})
 * @param optimized the parts whose JVMs compile hot code with C2 as well as C1 ({@value #C2}); the others run C1 alone
 * @param launch what the command line asked for, such as the number of copies of each service
 */
public record PlatformSettings(
        Path projectDir,
        Path dataDir,
        PlatformPorts ports,
        String editorPassword,
        String adminPassword,
        List<String> generatedPasswords,
        List<String> serviceJvmOptions,
        Set<String> optimized,
        LaunchOptions launch) {

    /**
     * Which JVMs get C2: {@code search} (the default) those every reader's search passes through, Elasticsearch, the
     * gateway and search-service; {@code none} C1 alone everywhere, the quickest start (about 4 s sooner warm); {@code
     * all} every service too.
     */
    public static final String C2 = "ROUNDUP_C2";

    /** The JVMs every search passes through: on C2 they spend about half the CPU a search costs them on C1 alone. */
    static final Set<String> SEARCH_PATH = Set.of("elasticsearch", "gateway", "search-service");

    static final Set<String> ALL =
            Set.of("elasticsearch", "gateway", "article-service", "product-service", "search-service", "web");

    /** Ports of the local run; each can be moved with an environment variable such as {@code ROUNDUP_GATEWAY_PORT}. */
    public static PlatformSettings local(Path projectDir, Path dataDir, Map<String, String> env) {
        PlatformPorts ports = new PlatformPorts(
                port(env, "ROUNDUP_GATEWAY_PORT", 8080),
                port(env, "ROUNDUP_ARTICLE_PORT", 8081),
                port(env, "ROUNDUP_PRODUCT_PORT", 8082),
                port(env, "ROUNDUP_SEARCH_PORT", 8083),
                port(env, "ROUNDUP_KAFKA_PORT", 9092),
                port(env, "ROUNDUP_ELASTICSEARCH_PORT", 9200),
                port(env, "ROUNDUP_MONGODB_PORT", 27017),
                port(env, "ROUNDUP_WEB_PORT", 8084));
        String editor = env.getOrDefault("ROUNDUP_EDITOR_PASSWORD", "");
        String admin = env.getOrDefault("ROUNDUP_ADMIN_PASSWORD", "");
        List<String> generated = new ArrayList<>();
        if (editor.isBlank()) {
            editor = randomPassword();
            generated.add("editor");
        }
        if (admin.isBlank()) {
            admin = randomPassword();
            generated.add("admin");
        }
        return new PlatformSettings(
                projectDir,
                dataDir,
                ports,
                editor,
                admin,
                List.copyOf(generated),
                QUICK_START_JVM,
                optimized(env.getOrDefault(C2, "search")),
                LaunchOptions.defaults());
    }

    /** The same settings with the given command-line options, e.g. {@code --scale search-service=2}. */
    public PlatformSettings with(LaunchOptions options) {
        return new PlatformSettings(
                projectDir,
                dataDir,
                ports,
                editorPassword,
                adminPassword,
                generatedPasswords,
                serviceJvmOptions,
                optimized,
                options);
    }

    /**
     * Five Boot JVMs starting together on a small machine are CPU-bound: the serial collector and small heaps start
     * them markedly faster. (The platform adds a start-up cache per service, see {@link StartupCache}, which makes later
     * starts faster still.) Which compilers each one gets is {@link #optimized}: C2 pays on the search path, where
     * it halves what a search costs (docs/benchmarks.md, "C2 where searches run"); elsewhere its compiling during
     * start-up costs more than it gives back on a small machine.
     */
    private static final List<String> QUICK_START_JVM = List.of("-XX:+UseSerialGC", "-Xss512k", "-Xms64m", "-Xmx384m");

    private static Set<String> optimized(String choice) {
        return switch (choice.strip().toLowerCase(Locale.ROOT)) {
            case "search", "" -> SEARCH_PATH;
            case "none" -> Set.of();
            case "all" -> ALL;
            default -> throw new StartupFailure("settings", C2 + "=" + choice + " is not search, none or all");
        };
    }

    /** Whether a part's JVM compiles with C2 as well as C1 (the JDK's default tiered compilation). */
    public boolean optimizes(String part) {
        return optimized.contains(part);
    }

    /** The options of a service's JVM: {@link #serviceJvmOptions} and its compilers. */
    public List<String> jvmOptions(String module) {
        List<String> options = new ArrayList<>(optimizes(module) ? List.of() : List.of("-XX:TieredStopAtLevel=1"));
        options.addAll(serviceJvmOptions);
        return options;
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException ex) {
            throw new StartupFailure("settings", name + "=" + value + " is not a port number");
        }
    }

    static String randomPassword() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.toString();
    }

    /** The loopback port of every part of the platform; {@code web} is the reader site's, behind the gateway. */
    public record PlatformPorts(
            int gateway, int article, int product, int search, int kafka, int elasticsearch, int mongodb, int web) {

        /** The port of the first copy of a service ({@link LaunchOptions#copyPort} gives the others). */
        public int of(String service) {
            return switch (service) {
                case "gateway" -> gateway;
                case "article-service" -> article;
                case "product-service" -> product;
                case "search-service" -> search;
                case "web" -> web;
                default -> throw new IllegalArgumentException("no port for " + service);
            };
        }
    }
}
