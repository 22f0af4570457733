package org.lawline;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.annotation.Configuration;

/**
 * The module rules of DESIGN.md: dependencies point one way, and modules meet only through
 * their public API packages (a module's base package; its subpackages are internal).
 */
class ArchitectureTest {

    private static final String KNOWLEDGE = "org.lawline.knowledge";
    private static final String CONVERSATION = "org.lawline.conversation";
    private static final String CHANNELS = "org.lawline.channels";
    private static final String HANDOFF = "org.lawline.handoff";

    private static final JavaClasses LAWLINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.lawline");

    @Test
    void knowledgeBaseDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage(KNOWLEDGE + "..")
                .should().dependOnClassesThat(ourCodeOutside(KNOWLEDGE))
                .check(LAWLINE);
    }

    @Test
    void botCoreKnowsNoChannelNoHandoffAndNoApplication() {
        noClasses().that().resideInAPackage(CONVERSATION + "..")
                .should().dependOnClassesThat(ourCodeOutside(CONVERSATION, KNOWLEDGE))
                .check(LAWLINE);
    }

    @Test
    void botCoreKnowsNoHttp() {
        noClasses().that().resideInAPackage(CONVERSATION + "..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "jakarta.servlet..", "org.springframework.web..", "org.springframework.http..",
                        "java.net.http..", "me.chanjar..", "com.github.binarywang..")
                .check(LAWLINE);
    }

    @Test
    void channelsDependOnBotCoreOnly() {
        noClasses().that().resideInAPackage(CHANNELS + "..")
                .should().dependOnClassesThat(ourCodeOutside(CHANNELS, CONVERSATION, KNOWLEDGE))
                .check(LAWLINE);
    }

    @Test
    void handoffDependsOnBotCoreAndChannelsOnly() {
        noClasses().that().resideInAPackage(HANDOFF + "..")
                .should().dependOnClassesThat(ourCodeOutside(HANDOFF, CHANNELS, CONVERSATION, KNOWLEDGE))
                .check(LAWLINE);
    }

    @ParameterizedTest
    @ValueSource(strings = {KNOWLEDGE, CONVERSATION, CHANNELS, HANDOFF})
    void othersUseOnlyTheModulesApiPackage(String module) {
        noClasses().that().resideOutsideOfPackage(module + "..")
                .should().dependOnClassesThat(internalOf(module))
                .check(LAWLINE);
    }

    @Test
    void modulesHaveNoCycles() {
        slices().matching("org.lawline.(*)..").should().beFreeOfCycles().check(LAWLINE);
    }

    /**
     * Inside a module too, packages depend one way: the API (the base package) and each internal
     * package form no cycle. A cycle through the API is how an API starts constructing its own
     * implementation.
     */
    @ParameterizedTest
    @ValueSource(strings = {KNOWLEDGE, CONVERSATION, CHANNELS, HANDOFF})
    void packagesInsideAModuleHaveNoCycles(String module) {
        slices().assignedFrom(packagesOf(module)).should().beFreeOfCycles().check(LAWLINE);
    }

    /**
     * A module's API is interfaces and values; it never reaches into its own internals, except the
     * module's {@link #WIRING wiring}, whose job is to choose implementations.
     */
    @ParameterizedTest
    @ValueSource(strings = {KNOWLEDGE, CONVERSATION, CHANNELS, HANDOFF})
    void anApiNeverConstructsItsImplementations(String module) {
        noClasses().that().resideInAPackage(module)
                .and(not(WIRING))
                .should().dependOnClassesThat(internalOf(module))
                .check(LAWLINE);
    }

    /** What the knowledge base's wiring without a context hands out is the API's: callers never see an implementation. */
    @Test
    void theWiringWithoutAContextHandsOutOnlyApiTypes() {
        methods().that().areDeclaredInClassesThat().haveFullyQualifiedName(KNOWLEDGE_WIRING_WITHOUT_CONTEXT)
                .and().arePublic()
                .should().haveRawReturnType(JavaClass.Predicates.resideInAPackage(KNOWLEDGE))
                .check(LAWLINE);
    }

    /** A channel adapter holds only its platform's own rules: what channels share lives beside them, not in a sibling. */
    @Test
    void noChannelAdapterDependsOnAnother() {
        List<String> adapters = List.of("web", "wechat", "weibo", "sms");
        for (String adapter : adapters) {
            String[] siblings = adapters.stream().filter(other -> !other.equals(adapter))
                    .map(other -> CHANNELS + "." + other + "..").toArray(String[]::new);
            noClasses().that().resideInAPackage(CHANNELS + "." + adapter + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(siblings)
                    .allowEmptyShould(true)
                    .check(LAWLINE);
        }
    }

    /** One slice per package of {@code module}: its base package, and each first-level subpackage with what is under it. */
    private static SliceAssignment packagesOf(String module) {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                if (WIRING.test(javaClass)) {
                    // the wiring chooses implementations for the API: it depends on both by design
                    return SliceIdentifier.ignore();
                }
                String pkg = javaClass.getPackageName();
                if (pkg.equals(module)) {
                    return SliceIdentifier.of("api");
                }
                if (pkg.startsWith(module + ".")) {
                    return SliceIdentifier.of(pkg.substring(module.length() + 1).split("\\.")[0]);
                }
                return SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "packages of " + module;
            }
        };
    }

    /**
     * The knowledge base's wiring for code that runs without an application context: the command
     * line's {@code eval} reads no database, so it starts no context, yet must get the evaluation
     * (and its indexes) through the API; {@code BundledKnowledge}, which other modules read while
     * their beans are made, needs the file readers the same way. It chooses implementations as
     * the module's {@code @Configuration} does, and does nothing else
     * ({@link #theWiringWithoutAContextHandsOutOnlyApiTypes}); being named here, no other plain
     * class can pass as wiring.
     */
    private static final String KNOWLEDGE_WIRING_WITHOUT_CONTEXT = KNOWLEDGE + ".KnowledgeWiring";

    /**
     * A module's wiring: a {@code @Configuration} class, a class nested in one, or the knowledge
     * base's {@link #KNOWLEDGE_WIRING_WITHOUT_CONTEXT}.
     */
    private static final DescribedPredicate<JavaClass> WIRING = DescribedPredicate.describe(
            "wiring (@Configuration, " + KNOWLEDGE_WIRING_WITHOUT_CONTEXT + ")",
            c -> c.isAnnotatedWith(Configuration.class)
                    || c.getEnclosingClass().map(outer -> outer.isAnnotatedWith(Configuration.class)).orElse(false)
                    || c.getName().equals(KNOWLEDGE_WIRING_WITHOUT_CONTEXT));

    /** Classes of ours (org.lawline..) that are in none of the allowed modules. */
    private static DescribedPredicate<JavaClass> ourCodeOutside(String... allowed) {
        List<String> allowedModules = List.of(allowed);
        return DescribedPredicate.describe("LawLine classes outside " + allowedModules, c -> {
            String pkg = c.getPackageName();
            if (!(pkg.equals("org.lawline") || pkg.startsWith("org.lawline."))) {
                return false;
            }
            return allowedModules.stream().noneMatch(m -> pkg.equals(m) || pkg.startsWith(m + "."));
        });
    }

    private static DescribedPredicate<JavaClass> internalOf(String module) {
        return DescribedPredicate.describe("internal classes of " + module,
                c -> c.getPackageName().startsWith(module + "."));
    }
}
