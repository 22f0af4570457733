package org.lawline.conversation.dialog;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.lawline.conversation.DialogState;
import org.springframework.statemachine.transition.Transition;
import org.springframework.statemachine.transition.TransitionKind;

/**
 * Draws the dialog's state machine from its definition — the transitions Spring StateMachine
 * built, not a copy kept by hand — as Markdown: a Mermaid state diagram of the transitions that
 * change state, and a table of those that keep it (drawn as loops they would bury the diagram).
 * {@code bot-core/STATE-MACHINE.md} holds the output; a test fails when it is out of date.
 */
final class StateDiagram {

    private static final Comparator<Transition<DialogState, DialogEvent>> ORDER = Comparator
            .<Transition<DialogState, DialogEvent>, DialogState>comparing(t -> t.getSource().getId())
            .thenComparing(t -> t.getTrigger().getEvent())
            .thenComparing(t -> t.getTarget().getId())
            .thenComparing(Transition::getName);

    private StateDiagram() {
    }

    static String markdown(DialogMachine machine) {
        List<Transition<DialogState, DialogEvent>> transitions = machine.transitions().stream().sorted(ORDER).toList();
        StringBuilder out = new StringBuilder();
        out.append("# The dialog's state machine\n\n")
                .append("Generated from `DialogMachine` (Spring StateMachine) by `StateDiagram`; do not edit by hand.\n")
                .append("Regenerate with `mvn -pl bot-core test -Dtest=StateDiagramTest -Dlawline.write-diagram=true`.\n\n")
                .append("Arrows change the state: `EVENT [guard] / action`. Guards on one state and event exclude one another.\n\n")
                .append("```mermaid\nstateDiagram-v2\n    [*] --> BOT\n");
        for (Transition<DialogState, DialogEvent> t : transitions) {
            if (t.getKind() != TransitionKind.INTERNAL) {
                out.append("    ").append(t.getSource().getId()).append(" --> ").append(t.getTarget().getId())
                        .append(" : ").append(t.getTrigger().getEvent()).append(' ').append(label(t)).append('\n');
            }
        }
        out.append("```\n\n")
                .append("Events a state takes without leaving it:\n\n")
                .append("| state | event | guard / action |\n| --- | --- | --- |\n");
        for (Transition<DialogState, DialogEvent> t : transitions) {
            if (t.getKind() == TransitionKind.INTERNAL) {
                out.append("| ").append(t.getSource().getId()).append(" | ").append(t.getTrigger().getEvent())
                        .append(" | ").append(label(t).replace("|", "\\|")).append(" |\n");
            }
        }
        List<DialogState> unreached = Arrays.stream(DialogState.values())
                .filter(state -> transitions.stream().noneMatch(t -> t.getTarget().getId() == state) && state != DialogState.BOT)
                .toList();
        if (!unreached.isEmpty()) {
            out.append("\nNo transition leads to: ").append(unreached.stream().map(Enum::name).collect(Collectors.joining(", "))).append('\n');
        }
        out.append("\nA `CLOSED` conversation starts afresh in `BOT` at the citizen's next message; `IDLE_TIMEOUT` fires when a\n")
                .append("message or command finds the conversation idle for `lawline.dialog.idle-timeout` (30 minutes by default).\n");
        return out.toString();
    }

    private static String label(Transition<DialogState, DialogEvent> t) {
        return t.getName() == null ? "" : t.getName();
    }
}
