package org.lawline.conversation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.lawline.knowledge.LawReference;
import org.lawline.knowledge.ServiceOffice;

/**
 * What LawLine says back to a citizen for one message, and the conversation's state after it.
 * Channels render {@link #text()}; the other accessors are for APIs, transcripts and reports.
 */
public sealed interface Reply {

    ReplyKind kind();

    /** The whole text as the citizen sees it (plain text, not escaped). */
    String text();

    /** The conversation's state after this reply. */
    DialogState state();

    /** The knowledge-base entry the reply rests on, if any. */
    default Optional<String> entryId() {
        return Optional.empty();
    }

    /** The search score of the entry the reply rests on, if any. */
    default OptionalDouble score() {
        return OptionalDouble.empty();
    }

    /** The law articles the reply cites. */
    default List<LawReference> citations() {
        return List.of();
    }

    /** An answer from one knowledge-base entry. */
    record Answer(String text, DialogState state, String entry, double matchScore, List<LawReference> lawRefs)
            implements Reply {
        public Answer {
            Objects.requireNonNull(entry, "entry");
            lawRefs = List.copyOf(lawRefs);
        }

        @Override public ReplyKind kind() { return ReplyKind.ANSWER; }
        @Override public Optional<String> entryId() { return Optional.of(entry); }
        @Override public OptionalDouble score() { return OptionalDouble.of(matchScore); }
        @Override public List<LawReference> citations() { return lawRefs; }
    }

    /** Two or three close matches offered as numbered choices. */
    record Choices(String text, DialogState state, List<Choice> choices) implements Reply {
        public Choices {
            choices = List.copyOf(choices);
        }

        @Override public ReplyKind kind() { return ReplyKind.CHOICES; }
        @Override public Optional<String> entryId() { return Optional.of(choices.get(0).entryId()); }
        @Override public OptionalDouble score() { return OptionalDouble.of(choices.get(0).score()); }
    }

    /** One numbered choice: the citizen replies with its number. */
    record Choice(int number, String entryId, String question, double score) {
    }

    /** The chat goes to a duty lawyer. */
    record Handoff(String text, DialogState state) implements Reply {
        @Override public ReplyKind kind() { return ReplyKind.HANDOFF; }
    }

    /**
     * The duty lawyer closed the consultation, and the citizen is asked to rate it: a kind of its
     * own, so that a channel that can offer the two answers as buttons knows when to, by what the
     * reply is rather than by its wording.
     */
    record RatingRequest(String text, DialogState state) implements Reply {
        @Override public ReplyKind kind() { return ReplyKind.RATING; }
    }

    /** The matter belongs to another hotline (12345, 12315, 12333, 12338). */
    record Referral(String text, DialogState state, String hotline) implements Reply {
        @Override public ReplyKind kind() { return ReplyKind.REFERRAL; }
    }

    /** Danger now: call 110 / 120 / 119. */
    record Emergency(String text, DialogState state, String number) implements Reply {
        @Override public ReplyKind kind() { return ReplyKind.EMERGENCY; }
    }

    /**
     * No entry fits, but the law search is confident: the one or two closest articles, and a
     * lawyer offered for the citizen's own case.
     */
    record Law(String text, DialogState state, List<LawReference> lawRefs) implements Reply {
        public Law {
            lawRefs = List.copyOf(lawRefs);
        }

        @Override public ReplyKind kind() { return ReplyKind.LAW; }
        @Override public List<LawReference> citations() { return lawRefs; }
    }

    /**
     * Legal-service offices, each with its address, phone, hours and a map link in the text;
     * none when the bot asks which district the citizen is in (or for their location) first.
     */
    record Offices(String text, DialogState state, List<ServiceOffice> offices) implements Reply {
        public Offices {
            offices = List.copyOf(offices);
        }

        @Override public ReplyKind kind() { return ReplyKind.OFFICES; }
    }

    /** Nothing in the knowledge base answers this with confidence. */
    record NoAnswer(String text, DialogState state) implements Reply {
        @Override public ReplyKind kind() { return ReplyKind.NO_ANSWER; }
    }

    /** A greeting or thanks, answered with what LawLine can do. */
    record Greeting(String text, DialogState state) implements Reply {
        @Override public ReplyKind kind() { return ReplyKind.GREETING; }
    }

    /** The bot asks for a fact it needs: a pre-check question, a callback number, a confirmation. */
    record Prompt(String text, DialogState state) implements Reply {
        @Override public ReplyKind kind() { return ReplyKind.PROMPT; }
    }

    /**
     * The legal-aid pre-check's outcome: likely eligible or not, why, and how to apply. Only an
     * estimate: the legal-aid centre decides.
     */
    record Assessment(String text, DialogState state, boolean likelyEligible) implements Reply {
        @Override public ReplyKind kind() { return ReplyKind.ASSESSMENT; }
    }

    /**
     * The articles an earlier answer cited, in full, after the citizen replied 查看法条; or why
     * they cannot be shown (nothing answered yet, articles not available).
     *
     * @param entry   the entry whose answer cited them; empty when there was no answer to go back to
     * @param lawRefs the articles the entry cites, whether or not their text could be shown
     */
    record Articles(String text, DialogState state, Optional<String> entry, List<LawReference> lawRefs) implements Reply {
        public Articles {
            Objects.requireNonNull(entry, "entry");
            lawRefs = List.copyOf(lawRefs);
        }

        @Override public ReplyKind kind() { return ReplyKind.ARTICLES; }
        @Override public Optional<String> entryId() { return entry; }
        @Override public List<LawReference> citations() { return lawRefs; }
    }

    /**
     * The bot says nothing: a duty lawyer holds the chat, and the message went to them as
     * {@link CitizenWroteToLawyer}. A channel sends the citizen nothing (or an empty
     * acknowledgement); {@link #text()} is empty.
     */
    record Relayed(DialogState state) implements Reply {
        @Override public ReplyKind kind() { return ReplyKind.RELAYED; }
        @Override public String text() { return ""; }
    }
}
