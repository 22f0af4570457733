package org.lawline.channels;

import java.util.Objects;
import java.util.Optional;

/**
 * Sends notices to citizens on the channel they use: as a chat message while their channel lets
 * us, else in the channel's own form for notices where it has one (WeChat's template messages).
 * Every channel is answered: a notice reaches the citizen, or the result says why it did not.
 * Every attempt is recorded; nothing is retried in a loop. Thread safe.
 */
public interface NoticeSender {

    enum Outcome {
        /** Sent as a chat message. */
        SENT,
        /** The chat was closed: sent in the channel's own form for notices (a WeChat template message). */
        SENT_AS_TEMPLATE,
        /** The citizen unsubscribed (unfollowed, TD / 退订). */
        UNSUBSCRIBED,
        /** No way was open: see the reason. */
        NOT_DELIVERED
    }

    /** What became of a notice, and why when it did not arrive. */
    record Result(Outcome outcome, Optional<String> reason) {

        public Result {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(reason, "reason");
        }

        public static Result of(Outcome outcome) {
            return new Result(outcome, Optional.empty());
        }

        public static Result notDelivered(String reason) {
            return new Result(Outcome.NOT_DELIVERED, Optional.of(reason));
        }
    }

    Result send(Notice notice);
}
