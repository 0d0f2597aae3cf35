package io.roundup.launcher;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What follows {@code ./roundup up} on the command line: today only {@code --scale <service>=<N>}, repeatable, which
 * runs N copies of article-service, product-service or search-service (API.md, "Local run options"). Anything it
 * does not understand is refused before anything starts, so that a typo never leaves a user with a platform that is
 * not the one asked for.
 *
 * @param copies how many copies of each scalable service run; every one of them is present, one being the default
 */
public record LaunchOptions(Map<String, Integer> copies) {

    /** The services that run in copies: each is stateless apart from its store, and shares its consumer group. */
    public static final List<String> SCALABLE = List.of("article-service", "product-service", "search-service");

    /** Copy k listens on the first copy's port + {@code PORT_STEP * (k - 1)}: 8083, 8183, 8283, … */
    public static final int PORT_STEP = 100;

    /** Ten copies would put the tenth at +900, next to the ports of other servers; nine is plenty on one machine. */
    public static final int MAX_COPIES = 9;

    static final String USAGE = "usage: roundup up [--scale <service>=<copies>]...   (service: "
            + String.join(", ", SCALABLE) + "; copies: 1 to " + MAX_COPIES + ")";

    /**
     * Checks the arguments of {@code ./roundup up} and exits with 2 when they are wrong, 0 when they are fine: the
     * script runs this before it builds anything, so that a typo is reported at once, not after a build.
     */
    public static void main(String[] args) {
        parseOrExit(List.of(args));
    }

    /** The options, or the JVM ends with the reason, the usage and exit code 2. */
    static LaunchOptions parseOrExit(List<String> args) {
        try {
            return parse(args);
        } catch (IllegalArgumentException ex) {
            System.err.println("roundup: " + ex.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            throw ex;
        }
    }

    public LaunchOptions {
        copies = Map.copyOf(copies);
    }

    /** One copy of each service. */
    public static LaunchOptions defaults() {
        return parse(List.of());
    }

    /**
     * Reads the arguments after {@code up}; throws {@link IllegalArgumentException} with a message fit for the user on
     * anything it does not understand.
     */
    public static LaunchOptions parse(List<String> args) {
        Map<String, Integer> copies = new LinkedHashMap<>();
        Map<String, Integer> given = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String value;
            if (arg.equals("--scale")) {
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException(
                            "--scale needs <service>=<copies>, e.g. --scale search-service=2");
                }
                value = args.get(++i);
            } else if (arg.startsWith("--scale=")) {
                value = arg.substring("--scale=".length());
            } else {
                throw new IllegalArgumentException("unknown option " + quoted(arg) + "; the only option is --scale");
            }
            int equals = value.indexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException(
                        "--scale " + quoted(value) + " must be <service>=<copies>, e.g. --scale search-service=2");
            }
            String service = value.substring(0, equals).strip();
            String count = value.substring(equals + 1).strip();
            if (!SCALABLE.contains(service)) {
                throw new IllegalArgumentException("--scale " + quoted(value) + ": " + quoted(service)
                        + " cannot be scaled; choose one of " + String.join(", ", SCALABLE));
            }
            int n;
            try {
                n = Integer.parseInt(count);
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException(
                        "--scale " + quoted(value) + ": " + quoted(count) + " is not a whole number of copies");
            }
            if (n < 1 || n > MAX_COPIES) {
                throw new IllegalArgumentException(
                        "--scale " + quoted(value) + ": the number of copies must be from 1 to " + MAX_COPIES);
            }
            if (given.putIfAbsent(service, n) != null) {
                throw new IllegalArgumentException("--scale names " + service + " twice");
            }
        }
        for (String service : SCALABLE) {
            copies.put(service, given.getOrDefault(service, 1));
        }
        return new LaunchOptions(copies);
    }

    /** How many copies of the service run: 1 unless scaled (also for the gateway, which is not). */
    public int copiesOf(String service) {
        return copies.getOrDefault(service, 1);
    }

    /** The name of copy k (from 1): the plain name for the first, so one copy looks as it always did. */
    public static String copyName(String service, int k) {
        return k == 1 ? service : service + "-" + k;
    }

    /** The port of copy k (from 1) of a service whose first copy listens on {@code firstPort}. */
    public static int copyPort(int firstPort, int k) {
        return firstPort + PORT_STEP * (k - 1);
    }

    private static String quoted(String text) {
        return "'" + text + "'";
    }
}
