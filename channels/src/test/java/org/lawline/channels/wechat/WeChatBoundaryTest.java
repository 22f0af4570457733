package org.lawline.channels.wechat;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** WxJava is this package's business: nothing of it reaches the rest of LawLine. */
class WeChatBoundaryTest {

    private static final JavaClasses CHANNELS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.lawline.channels");

    @Test
    void noClassOutsideTheWeChatPackageUsesWxJava() {
        noClasses().that().resideOutsideOfPackage("org.lawline.channels.wechat..")
                .should().dependOnClassesThat().resideInAnyPackage("me.chanjar..", "com.github.binarywang..")
                .check(CHANNELS);
    }
}
