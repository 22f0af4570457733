package org.lawline;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
