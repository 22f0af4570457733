package org.lawline.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

class FixturesTest {

    private final String configured = System.getProperty("lawline.shared-data");

    @AfterEach
    void restoreTheSharedDataFolder() {
        if (configured == null) {
            System.clearProperty("lawline.shared-data");
        } else {
            System.setProperty("lawline.shared-data", configured);
        }
    }

    @Test
    void aMissingSharedDataFolderFailsTheTestInsteadOfSkippingIt(@TempDir Path dir) {
        System.setProperty("lawline.shared-data", dir.resolve("no-such-folder").toString());

        assertThatThrownBy(Fixtures::sharedData)
                .isNotInstanceOf(TestAbortedException.class)
                .hasMessageContaining("no-such-folder").hasMessageContaining("missing");
    }

    @Test
    void anUnsetSharedDataFolderFailsTheTestInsteadOfSkippingIt() {
        System.clearProperty("lawline.shared-data");

        assertThatThrownBy(Fixtures::sharedData)
                .isNotInstanceOf(TestAbortedException.class)
                .hasMessageContaining("lawline.shared-data");
    }

    @Test
    void theSharedDataFolderIsBesideTheRepositoryWhereTheTestsRun() {
        assertThat(Fixtures.sharedData()).isDirectory();
        assertThat(Files.isRegularFile(Fixtures.sharedData().resolve("laws/core_law_articles.jsonl"))).isTrue();
    }
}
