package io.roundup.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The routing settings the gateway's {@code application.yml} reads, so that the checks of the manifests and of the
 * compose file follow the gateway's code instead of a list of services of their own: a route added there is a setting
 * the deployments must give.
 */
final class GatewayRoutes {

    private static final Path APPLICATION = Manifests.ROOT.resolve("gateway/src/main/resources/application.yml");
    private static final Pattern URI_SETTING = Pattern.compile("\\$\\{(ROUNDUP_[A-Z_]+_URI)[:}]");
    private static final Pattern ROUTE_SETTING =
            Pattern.compile("\\$\\{(ROUNDUP_(?:[A-Z_]+_(?:URI|INSTANCES)|ROUTES_[A-Z_]+))[:}]");
    private static final Pattern INSTANCES_SETTING = Pattern.compile("^\\$\\{(ROUNDUP_[A-Z_]+_INSTANCES)[:}]");

    private GatewayRoutes() {}

    /** Each setting that gives one route its single address ({@code ROUNDUP_<X>_URI}), in the file's order. */
    static Set<String> uriSettings() {
        return matches(URI_SETTING);
    }

    /** Every routing setting: the single addresses, the instance lists and the {@code ROUNDUP_ROUTES_*} options. */
    static Set<String> routeSettings() {
        return matches(ROUTE_SETTING);
    }

    /**
     * The balanced routes: each service of {@code roundup.routes.services} (the name the gateway's {@code lb://} URIs
     * use) and the setting that lists its copies.
     */
    static Map<String, String> instancesSettingByService() {
        Map<String, String> settings = new LinkedHashMap<>();
        JsonNode services = Manifests.tree(APPLICATION).at("/roundup/routes/services");
        services.properties().forEach(entry -> {
            Matcher matcher =
                    INSTANCES_SETTING.matcher(entry.getValue().path("instances").asText());
            if (!matcher.find()) {
                throw new AssertionError(
                        "the instances of " + entry.getKey() + " are not a ROUNDUP_*_INSTANCES setting");
            }
            settings.put(entry.getKey(), matcher.group(1));
        });
        return settings;
    }

    private static Set<String> matches(Pattern pattern) {
        Matcher matcher = pattern.matcher(text());
        Set<String> names = new LinkedHashSet<>();
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        if (names.isEmpty()) {
            throw new AssertionError("no " + pattern + " in " + APPLICATION);
        }
        return names;
    }

    private static String text() {
        try {
            return Files.readString(APPLICATION);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
