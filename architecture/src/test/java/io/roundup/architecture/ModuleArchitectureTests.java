package io.roundup.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ModuleArchitectureTests {

    private static final String FIXTURES = "io.roundup.architecture.fixtures.";

    @Test
    void aCycleBetweenTwoPackagesFails() {
        assertThat(violations("cycle", UnaryOperator.identity()))
                .anySatisfy(violation -> assertThat(violation)
                        .contains("Cycle detected")
                        .contains("a")
                        .contains("b"));
    }

    @Test
    void aCycleThroughTheRootPackageFails() {
        assertThat(violations("rootcycle", UnaryOperator.identity()))
                .anySatisfy(violation -> assertThat(violation).contains("Cycle detected"));
    }

    @Test
    void aLayeredModuleKeepsEveryRule() {
        assertThat(violations("layered", module -> module.domain("").servesOnlyItself()))
                .isEmpty();
    }

    @Test
    void aPublicControllerOrWebTypeThatOnlyItsPackageUsesFails() {
        assertThat(violations("publicweb", ModuleArchitecture::servesOnlyItself))
                .hasSize(1)
                .first()
                .satisfies(violation -> assertThat(violation)
                        .contains("PublicController is public")
                        .contains("PublicAdvice is public")
                        .doesNotContain("SharedView"));
    }

    @Test
    void aLibraryMayOfferPublicWebTypes() {
        assertThat(violations("publicweb", UnaryOperator.identity())).isEmpty();
    }

    @Test
    void aDomainThatReachesIntoWebOrHttpFails() {
        assertThat(violations("domainleak", module -> module.domain("")))
                .hasSize(1)
                .first()
                .satisfies(violation -> assertThat(violation)
                        .contains("fixtures.domainleak.web.View")
                        .contains("org.springframework.http.HttpStatus"));
    }

    @Test
    void springInAContractModuleFails() {
        assertThat(violations("spring", ModuleArchitecture::withoutSpring))
                .anySatisfy(violation -> assertThat(violation).contains("org.springframework.util.Assert"));
        assertThat(violations("layered", ModuleArchitecture::withoutSpring))
                .anySatisfy(violation -> assertThat(violation).contains("RestController"));
    }

    private static List<String> violations(String fixture, UnaryOperator<ModuleArchitecture> rules) {
        String root = FIXTURES + fixture;
        JavaClasses classes = new ClassFileImporter().importPackages(root);
        return rules.apply(ModuleArchitecture.of(root, classes)).rules().stream()
                .map(rule -> rule.evaluate(classes))
                .filter(EvaluationResult::hasViolation)
                .map(result -> result.getFailureReport().toString())
                .toList();
    }
}
