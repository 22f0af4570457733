package org.lawline.conversation;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Whether a bot answer helped the citizen (有用 / 没用), kept with the transcript turn of that
 * answer so that reports can count it by turn and time ({@code turn_feedback}). Thread safe.
 */
public interface AnswerFeedback {

    /** What the citizen said of an answer. */
    enum Verdict {
        /** 有用 */
        USEFUL("useful", "有用"),
        /** 没用 */
        NOT_USEFUL("not_useful", "没用");

        private final String wireName;
        private final String words;

        Verdict(String wireName, String words) {
            this.wireName = wireName;
            this.words = words;
        }

        /** As the web chat API writes it: {@code useful}, {@code not_useful}. */
        public String wireName() {
            return wireName;
        }

        /** As the citizen writes it. */
        public String words() {
            return words;
        }

        /** The verdict of the API's {@code useful} / {@code not_useful}. */
        public static Optional<Verdict> ofWireName(String name) {
            for (Verdict verdict : values()) {
                if (verdict.wireName.equals(name)) {
                    return Optional.of(verdict);
                }
            }
            return Optional.empty();
        }
    }

    /** How giving feedback went. */
    enum Outcome {
        /** Stored with the turn (again, when it was given before: the last verdict wins). */
        RECORDED,
        /** No answer of this citizen has that turn id. */
        NO_SUCH_ANSWER
    }

    /** Keeps nothing and knows no answer: for a service without a database. */
    AnswerFeedback NONE = new AnswerFeedback() {
        @Override
        public Outcome give(ChannelIdentity citizen, String turnId, Verdict verdict, Instant at) {
            return Outcome.NO_SUCH_ANSWER;
        }

        @Override
        public Outcome giveToLastAnswer(ChannelIdentity citizen, Verdict verdict, Instant at) {
            return Outcome.NO_SUCH_ANSWER;
        }
    };

    /**
     * Keeps the verdict on one answer of the citizen's. Giving it again is harmless.
     *
     * @param turnId the bot turn's id, as {@link #turnAnswering} names it
     * @return {@link Outcome#NO_SUCH_ANSWER} when the turn is not a bot turn of this citizen
     */
    Outcome give(ChannelIdentity citizen, String turnId, Verdict verdict, Instant at);

    /**
     * Keeps the verdict on the citizen's last turn, when that turn is a bot answer (kind
     * {@code answer} or {@code law}) given within the last half hour: for channels where the citizen
     * replies 有用 / 没用 right after the answer instead of pressing a button.
     *
     * @return {@link Outcome#NO_SUCH_ANSWER} when the last turn is anything else, so the words are
     *         an ordinary message
     */
    Outcome giveToLastAnswer(ChannelIdentity citizen, Verdict verdict, Instant at);

    /**
     * The id of the bot turn that answers one inbound message: derived from the citizen and the
     * message id, so that a channel can name the answer it was just given without another call.
     * The engine handles each claimed message once, so one message has one answer turn.
     */
    static String turnAnswering(ChannelIdentity citizen, String messageId) {
        Objects.requireNonNull(citizen, "citizen");
        Objects.requireNonNull(messageId, "messageId");
        return UUID.nameUUIDFromBytes(("answer\n" + citizen.key() + "\n" + messageId).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
