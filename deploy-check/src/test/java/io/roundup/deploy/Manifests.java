package io.roundup.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files under {@code deploy/kubernetes}, split into their YAML documents. Kustomize's own files (kustomization.yaml
 * and its transformer configurations) are not Kubernetes objects and are kept apart.
 */
final class Manifests {

    static final Path ROOT =
            Path.of(System.getProperty("roundup.root", "..")).toAbsolutePath().normalize();
    static final Path KUBERNETES = ROOT.resolve("deploy/kubernetes");

    static final ObjectMapper YAML = new YAMLMapper(new YAMLFactory());

    private Manifests() {}

    /** One YAML document of a manifest file: where it is, and its tree. */
    record Document(Path file, int index, JsonNode tree) {

        String kind() {
            return tree.path("kind").asText();
        }

        String name() {
            return tree.path("metadata").path("name").asText();
        }

        Path relative() {
            return KUBERNETES.relativize(file);
        }

        @Override
        public String toString() {
            return relative() + "#" + index + " " + kind() + "/" + name();
        }
    }

    /** Every Kubernetes object in every manifest file, base, overlays and secret templates alike. */
    static List<Document> all() {
        List<Document> documents = new ArrayList<>();
        for (Path file : yamlFiles()) {
            if (!isKustomizeFile(file)) {
                documents.addAll(read(file));
            }
        }
        return documents;
    }

    static List<Document> under(String folder) {
        Path base = KUBERNETES.resolve(folder);
        return all().stream().filter(d -> d.file().startsWith(base)).toList();
    }

    static List<Path> yamlFiles() {
        try (Stream<Path> files = Files.walk(KUBERNETES)) {
            return files.filter(
                            f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static boolean isKustomizeFile(Path file) {
        return file.getFileName().toString().equals("kustomization.yaml")
                || file.getParent().getFileName().toString().equals("kustomizeconfig");
    }

    static List<Document> read(Path file) {
        List<Document> documents = new ArrayList<>();
        try (var parser = YAML.createParser(file.toFile())) {
            var trees = YAML.readValues(parser, JsonNode.class);
            int index = 0;
            while (trees.hasNextValue()) {
                JsonNode tree = trees.nextValue();
                if (tree != null && !tree.isMissingNode() && !tree.isNull() && !(tree instanceof MissingNode)) {
                    documents.add(new Document(file, index++, tree));
                }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot read " + file, ex);
        }
        return documents;
    }

    static JsonNode tree(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot read " + file, ex);
        }
    }

    /**
     * The services docker-compose.yml builds from the root Dockerfile (build context {@code .}), by their {@code
     * SERVICE} build argument: the module whose jar the image runs.
     */
    static List<String> servicesBuiltFromTheRootDockerfile() {
        List<String> services = new ArrayList<>();
        tree(ROOT.resolve("docker-compose.yml")).path("services").forEach(service -> {
            JsonNode build = service.path("build");
            if (build.path("context").asText().equals(".")) {
                services.add(build.at("/args/SERVICE").asText());
            }
        });
        return services;
    }
}
