package org.lawline.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.lawline.conversation.ReplyKind;

/** The README's promises that can be checked mechanically. */
class ReadmeTest {

    private static final Path ROOT = Path.of("..");
    private static final Pattern KIND_ROW = Pattern.compile("^\\| `([a-z_]+)` \\|");
    /** A link to a file of this repository: {@code [text](docs/evaluation.md#anchor)}, not to a web address. */
    private static final Pattern LOCAL_LINK = Pattern.compile("\\]\\((?!https?:|#)([^)#]+)(?:#[^)]*)?\\)");
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

    @Test
    void theReadmeListsEveryKindOfReplyAskJsonPrints_andNoOther() throws Exception {
        String readme = Files.readString(ROOT.resolve("README.md"));
        int listed = readme.indexOf("| kind | the reply |");
        assertThat(listed).as("the README's table of kinds").isNotNegative();
        List<String> kinds = new ArrayList<>();
        for (String row : readme.substring(listed).split("\n")) {
            if (!row.startsWith("|")) {
                break;
            }
            Matcher kind = KIND_ROW.matcher(row);
            if (kind.find()) {
                kinds.add(kind.group(1));
            }
        }
        assertThat(kinds).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(ReplyKind.values()).map(ReplyKind::wireName).toList());
    }

    @Test
    void everyPageTheReadmeAndItsDocsLinkToExists() throws Exception {
        List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (var docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(page -> page.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        for (Path page : pages) {
            Matcher link = LOCAL_LINK.matcher(Files.readString(page));
            while (link.find()) {
                assertThat(page.getParent().resolve(link.group(1))).as("%s links to %s", page, link.group(1)).exists();
            }
        }
    }

    private static String mermaid(String markdown) {
        Matcher m = MERMAID.matcher(markdown);
        assertThat(m.find()).as("a mermaid block").isTrue();
        return m.group();
    }
}
