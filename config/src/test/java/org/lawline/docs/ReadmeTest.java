package org.lawline.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's promises that can be checked mechanically. */
class ReadmeTest {

    private static final Path ROOT = Path.of("..");
    private static final Pattern MERMAID = Pattern.compile("```mermaid\\n.*?```", Pattern.DOTALL);

    @Test
    void theReadmeShowsTheDialogDiagramGeneratedFromTheMachine() throws Exception {
        String generated = mermaid(Files.readString(ROOT.resolve("bot-core/STATE-MACHINE.md")));
        String shown = mermaid(Files.readString(ROOT.resolve("README.md")));
        assertThat(shown).as("README's diagram; copy it from bot-core/STATE-MACHINE.md").isEqualTo(generated);
    }

    @Test
    void ciRunsExactlyTheReadmesTestCommand() throws Exception {
        assertThat(Files.readString(ROOT.resolve("README.md"))).contains("```sh\n./lawline test\n```");
        assertThat(Files.readString(ROOT.resolve(".ci/run"))).contains("exec ./lawline test\n");
    }

    private static String mermaid(String markdown) {
        Matcher m = MERMAID.matcher(markdown);
        assertThat(m.find()).as("a mermaid block").isTrue();
        return m.group();
    }
}
