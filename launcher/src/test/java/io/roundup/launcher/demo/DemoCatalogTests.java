package io.roundup.launcher.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.roundup.launcher.demo.DemoCatalog.Entry;
import io.roundup.launcher.demo.DemoCatalog.Offer;
import io.roundup.launcher.demo.DemoCatalog.Product;
import io.roundup.launcher.demo.DemoCatalog.Roundup;
import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The shipped demo content is what the public API accepts, so seeding never fails on a 400 of our own making. */
class DemoCatalogTests {

    private final DemoCatalog catalog = DemoCatalog.load();

    @Test
    void hasSixRoundupsOverTheirOwnProducts() {
        assertThat(catalog.roundups()).hasSize(6);
        assertThat(catalog.roundups()).extracting(Roundup::category).doesNotHaveDuplicates();
        List<String> keys = catalog.products().stream().map(Product::key).toList();
        assertThat(keys).doesNotHaveDuplicates().allMatch(key -> key.matches("[a-z0-9]+(-[a-z0-9]+)*"));
        List<String> named = catalog.roundups().stream()
                .flatMap(r -> r.entries().stream())
                .map(Entry::product)
                .toList();
        assertThat(named).as("every entry names a product of the file").allMatch(keys::contains);
        assertThat(keys).as("every product is reviewed in some roundup").allMatch(named::contains);
    }

    @Test
    void usesOnlyTheFieldsTheApiTakes() throws IOException {
        JsonNode file = rawFile();
        assertThat(file.propertyNames()).containsExactlyInAnyOrder("products", "roundups");
        for (JsonNode product : file.get("products")) {
            assertFields(
                    product,
                    Set.of("key", "name", "kind", "brand", "attributes", "offers"),
                    "key",
                    "name",
                    "kind",
                    "offers");
            product.get("attributes")
                    .values()
                    .forEach(value -> assertThat(value.isString()).isTrue());
            for (JsonNode offer : product.get("offers")) {
                assertFields(offer, Set.of("retailer", "url", "price"), "retailer", "url", "price");
                assertFields(offer.get("price"), Set.of("amount", "currency"), "amount", "currency");
                assertThat(offer.at("/price/amount").isString())
                        .as("amounts are decimal strings")
                        .isTrue();
            }
        }
        for (JsonNode roundup : file.get("roundups")) {
            Set<String> article =
                    Set.of("title", "summary", "category", "tags", "author", "intro", "entries", "sections");
            assertFields(roundup, article, article.toArray(String[]::new));
            assertFields(roundup.get("author"), Set.of("name", "bio"), "name", "bio");
            for (JsonNode entry : roundup.get("entries")) {
                assertFields(
                        entry,
                        Set.of("rank", "product", "heading", "body", "features"),
                        "rank",
                        "product",
                        "heading",
                        "body",
                        "features");
                assertThat(entry.get("rank").isInt()).isTrue();
                entry.get("features")
                        .forEach(
                                feature -> assertFields(feature, Set.of("name", "description"), "name", "description"));
            }
            roundup.get("sections")
                    .forEach(section -> assertFields(section, Set.of("heading", "body"), "heading", "body"));
        }
    }

    @Test
    void ranksEachRoundupFromOneWithoutGaps() {
        for (Roundup roundup : catalog.roundups()) {
            List<Integer> ranks = roundup.entries().stream().map(Entry::rank).toList();
            assertThat(ranks)
                    .as(roundup.title())
                    .hasSizeBetween(3, 20)
                    .containsExactlyElementsOf(
                            IntStream.rangeClosed(1, ranks.size()).boxed().toList());
        }
    }

    @Test
    void everyRoundupReadsLikeOne() {
        Map<String, String> bios = new HashMap<>();
        for (Roundup roundup : catalog.roundups()) {
            assertThat(roundup.title()).isNotBlank().hasSizeLessThanOrEqualTo(200);
            assertThat(roundup.summary()).isNotBlank().hasSizeLessThanOrEqualTo(500);
            assertThat(roundup.category()).isNotBlank().hasSizeLessThanOrEqualTo(60);
            assertThat(roundup.tags())
                    .hasSizeBetween(1, 20)
                    .doesNotHaveDuplicates()
                    .allMatch(tag -> tag.matches("[a-z0-9]+(-[a-z0-9]+)*") && tag.length() <= 30);
            assertThat(roundup.intro()).isNotBlank().hasSizeLessThanOrEqualTo(20_000);
            assertThat(roundup.sections())
                    .extracting(DemoCatalog.Section::heading)
                    .as(roundup.title())
                    .contains("Buying guide", "Final thoughts");
            roundup.sections()
                    .forEach(section -> assertThat(section.body()).isNotBlank().hasSizeLessThanOrEqualTo(20_000));
            for (Entry entry : roundup.entries()) {
                assertThat(entry.heading()).isNotBlank().hasSizeLessThanOrEqualTo(200);
                assertThat(entry.body()).isNotBlank().hasSizeLessThanOrEqualTo(20_000);
                assertThat(entry.features())
                        .as(entry.heading())
                        .hasSizeBetween(2, 4)
                        .allMatch(feature -> !feature.name().isBlank()
                                && !feature.description().isBlank());
            }
            assertThat(roundup.author().name()).isNotBlank();
            assertThat(roundup.author().bio()).isNotBlank().hasSizeLessThanOrEqualTo(1000);
            String earlier =
                    bios.putIfAbsent(roundup.author().name(), roundup.author().bio());
            if (earlier != null) {
                assertThat(roundup.author().bio())
                        .as("one bio for " + roundup.author().name())
                        .isEqualTo(earlier);
            }
        }
        assertThat(bios).as("a few authors").hasSizeBetween(2, 3);
        assertThat(catalog.roundups())
                .extracting(roundup -> roundup.author().name())
                .as("each writes more than one roundup")
                .allMatch(name -> catalog.roundups().stream()
                                .filter(r -> r.author().name().equals(name))
                                .count()
                        > 1);
    }

    @Test
    void everyProductIsOnSaleWithAPriceTheCatalogAccepts() {
        for (Product product : catalog.products()) {
            assertThat(product.name()).as(product.key()).isNotBlank().hasSizeLessThanOrEqualTo(200);
            assertThat(product.kind()).as(product.key()).isIn("music", "film", "book", "gear");
            assertThat(product.attributes()).as(product.key()).isNotEmpty();
            assertThat(product.offers()).as(product.key()).hasSizeBetween(1, 2);
            for (Offer offer : product.offers()) {
                assertThat(offer.retailer()).isNotBlank();
                assertThat(offer.url()).as(product.key()).matches("https://[a-z0-9.-]+\\.example\\.(com|org|net)/\\S+");
                assertThat(offer.price().amount()).as(product.key()).matches("\\d+\\.\\d{2}");
                assertThat(offer.price().currency())
                        .as(product.key())
                        .matches("[A-Z]{3}")
                        .isIn("USD", "EUR", "GBP");
            }
        }
    }

    @Test
    void someTitleOrProductNameHasAccents() {
        Stream<String> names = Stream.concat(
                catalog.roundups().stream().map(Roundup::title),
                catalog.products().stream().map(Product::name));
        assertThat(names)
                .anyMatch(
                        name -> !Normalizer.normalize(name, Normalizer.Form.NFD).equals(name));
    }

    private static void assertFields(JsonNode node, Set<String> allowed, String... required) {
        assertThat(node.isObject()).as(node.toString()).isTrue();
        assertThat(allowed).as("fields of " + node).containsAll(node.propertyNames());
        assertThat(new HashSet<>(node.propertyNames())).as("fields of " + node).contains(required);
    }

    private static JsonNode rawFile() throws IOException {
        try (InputStream in = DemoCatalogTests.class.getClassLoader().getResourceAsStream(DemoCatalog.RESOURCE)) {
            return DemoCatalog.JSON.readTree(in);
        }
    }
}
