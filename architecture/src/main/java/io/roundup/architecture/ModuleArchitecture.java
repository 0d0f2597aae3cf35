package io.roundup.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * The structure a Roundup module keeps, checked against the module's own main classes. A module's tests ask for the
 * rules that fit it, e.g. {@code ModuleArchitecture.of("io.roundup.article").domain("").servesOnlyItself().checks()}.
 */
public final class ModuleArchitecture {

    private static final String[] WEB_STEREOTYPES = {
        "org.springframework.stereotype.Controller", "org.springframework.web.bind.annotation.ControllerAdvice"
    };

    private final String root;
    private final JavaClasses classes;
    private final List<String> domainPackages = new ArrayList<>();
    private boolean servesOnlyItself;
    private boolean withoutSpring;

    private ModuleArchitecture(String root, JavaClasses classes) {
        this.root = root;
        this.classes = classes;
    }

    /** The module whose main classes live under {@code rootPackage} (its tests and other jars left out). */
    public static ModuleArchitecture of(String rootPackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(rootPackage);
        if (classes.isEmpty()) {
            throw new IllegalStateException("no main classes found under " + rootPackage);
        }
        return new ModuleArchitecture(rootPackage, classes);
    }

    static ModuleArchitecture of(String rootPackage, JavaClasses classes) {
        return new ModuleArchitecture(rootPackage, classes);
    }

    /**
     * The packages (relative to the root, {@code ""} for the root itself) that hold the domain: they know nothing of
     * the module's web or messaging packages, nor of HTTP.
     */
    public ModuleArchitecture domain(String... relativePackages) {
        for (String relative : relativePackages) {
            domainPackages.add(relative.isEmpty() ? root : root + "." + relative);
        }
        return this;
    }

    /**
     * An application, not a library: no other module compiles against it, so a controller or web type is public only
     * where another of its packages needs it.
     */
    public ModuleArchitecture servesOnlyItself() {
        servesOnlyItself = true;
        return this;
    }

    /** A contract module that producers and consumers share whatever they run on: no Spring. */
    public ModuleArchitecture withoutSpring() {
        withoutSpring = true;
        return this;
    }

    List<ArchRule> rules() {
        List<ArchRule> rules = new ArrayList<>();
        // every package is a slice of its own, the root one included: "io.roundup.(**)" names them article,
        // article.web…
        rules.add(slices().matching(root.substring(0, root.lastIndexOf('.') + 1) + "(**)")
                .namingSlices("$1")
                .as("packages of " + root)
                .should()
                .beFreeOfCycles()
                .allowEmptyShould(true)
                .because("a package cycle makes two packages one that cannot be understood or changed apart"));
        if (!domainPackages.isEmpty()) {
            rules.add(noClasses()
                    .that()
                    .resideInAnyPackage(domainPackages.toArray(String[]::new))
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(
                            root + ".web..",
                            root + ".messaging..",
                            "org.springframework.web..",
                            "org.springframework.http..",
                            "jakarta.servlet..")
                    .allowEmptyShould(true)
                    .because("the domain knows nothing of HTTP or Kafka: web and messaging adapt it, not the reverse"));
        }
        if (servesOnlyItself) {
            rules.add(classes()
                    .that()
                    .areTopLevelClasses()
                    .and(resideInWebOrAreWebStereotypes())
                    .should(bePublicOnlyWhenAnotherPackageUsesThem())
                    .allowEmptyShould(true)
                    .because("package-private by default: only what another package needs is public"));
        }
        if (withoutSpring) {
            rules.add(noClasses()
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage("org.springframework..")
                    .because("the contract is shared by every producer and consumer, whatever framework they run on"));
        }
        return rules;
    }

    /** One test per rule, named by the rule. */
    public Stream<DynamicTest> checks() {
        return rules().stream().map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(classes)));
    }

    private DescribedPredicate<JavaClass> resideInWebOrAreWebStereotypes() {
        String web = root + ".web";
        return DescribedPredicate.describe("are web types", type -> {
            if (type.getPackageName().equals(web) || type.getPackageName().startsWith(web + ".")) {
                return true;
            }
            for (String stereotype : WEB_STEREOTYPES) {
                if (type.isMetaAnnotatedWith(stereotype)) {
                    return true;
                }
            }
            return false;
        });
    }

    private static ArchCondition<JavaClass> bePublicOnlyWhenAnotherPackageUsesThem() {
        return new ArchCondition<>("be public only when another package uses them") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                if (!type.getModifiers().contains(JavaModifier.PUBLIC)) {
                    return;
                }
                boolean usedElsewhere = type.getDirectDependenciesToSelf().stream()
                        .anyMatch(dependency ->
                                !dependency.getOriginClass().getPackageName().equals(type.getPackageName()));
                if (!usedElsewhere) {
                    events.add(SimpleConditionEvent.violated(
                            type,
                            type.getName() + " is public, but no class outside " + type.getPackageName() + " uses it"));
                }
            }
        };
    }
}
