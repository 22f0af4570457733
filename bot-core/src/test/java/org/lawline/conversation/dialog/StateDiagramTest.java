package org.lawline.conversation.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.lawline.conversation.DialogSettings;
import org.lawline.conversation.DialogState;
import org.lawline.conversation.LegalAidSettings;

/**
 * {@code bot-core/STATE-MACHINE.md} is the machine as defined now. Run with
 * {@code -Dlawline.write-diagram=true} to rewrite it after changing the table.
 */
class StateDiagramTest {

    private static final Path DIAGRAM = Path.of("STATE-MACHINE.md");

    private final DialogMachine machine = new DialogMachine(new DialogActions(Fixtures.knowledgeBase(), DialogSettings.defaults(),
            new EligibilityCheck(LegalAidSettings.defaults())));

    @Test
    void theDiagramInTheRepositoryIsTheMachineAsDefined() throws IOException {
        String generated = StateDiagram.markdown(machine);
        if (Boolean.getBoolean("lawline.write-diagram")) {
            Files.writeString(DIAGRAM, generated, StandardCharsets.UTF_8);
        }

        assertThat(DIAGRAM).as("regenerate with -Dlawline.write-diagram=true").exists();
        assertThat(Files.readString(DIAGRAM, StandardCharsets.UTF_8)).isEqualTo(generated);
    }

    @Test
    void theDiagramDrawsEveryStateAndEveryWayOutOfTheQueue() {
        String generated = StateDiagram.markdown(machine);

        for (DialogState state : DialogState.values()) {
            assertThat(generated).contains(state.name());
        }
        assertThat(generated)
                .contains("QUEUED --> WITH_LAWYER : LAWYER_CLAIMED / announceLawyer")
                .contains("QUEUED --> BOT : CANCEL / leaveQueue")
                .contains("QUEUED --> COLLECTING_PHONE : PICKUP_TIMEOUT [no number yet] / askForPhone")
                .contains("| WITH_LAWYER | CITIZEN_WROTE | / relayToLawyer |")
                .doesNotContain("No transition leads to");
    }
}
