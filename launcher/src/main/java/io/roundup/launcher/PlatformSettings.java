package io.roundup.launcher;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where the platform runs and with which secrets.
 *
 * @param projectDir the checkout, where each service's jar is found under {@code <module>/target}
 * @param dataDir where servers keep their data and services their logs
 * @param ports the loopback ports of every part
 * @param editorPassword the {@code editor} user's password
 * @param adminPassword the {@code admin} user's password
 * @param generatedPasswords the users whose passwords were made up here and must be shown once (never a chosen one)
 * @param serviceJvmOptions options for each service JVM
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
        LaunchOptions launch) {

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
                options);
    }

    /**
     * Four Boot JVMs starting together on a small machine are CPU-bound: C1 only and the serial collector start them
     * markedly faster. (The platform adds a start-up cache per service, see {@link StartupCache}, which makes later
     * starts faster still.)
     */
    private static final List<String> QUICK_START_JVM =
            List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k", "-Xms64m", "-Xmx384m");

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
