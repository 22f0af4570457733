package org.lawline.channels;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.lawline.conversation.ChannelIdentity;
import org.lawline.conversation.EventId;

/**
 * What the channels did with a message to a citizen, and what they still allow, for the people
 * who write to citizens (the duty lawyers' inbox). Read-only: asking never spends an allowance.
 * Thread safe.
 */
public interface ReplyDeliveries {

    /**
     * What became of a reply so far, by its id ({@code ReplyComposed#replyId()}); empty while no
     * channel has recorded it (no platform for the channel here).
     */
    Optional<ReplyDelivery> of(EventId replyId);

    /**
     * What the citizen's channel lets us send now, without spending any of it: the messages left
     * and when the window closes, where the platform has such rules; empty where it has none (the
     * web chat).
     *
     * @throws RuntimeException when the allowance's store (Redis) is unreachable
     */
    Optional<SendAllowance> allowance(ChannelIdentity citizen, Instant now);

    /** Where a reply stands: on its way, arrived at the platform, or stopped for good. */
    enum State {
        /** Recorded and not yet sent (the platform's workers, a part held back, a retry pending). */
        QUEUED,
        /** Every part was accepted by the platform. */
        SENT,
        /** A part was refused (window closed, allowance spent, unsubscribed) or failed; never retried in a loop. */
        NOT_DELIVERED
    }

    /**
     * @param reason why it did not arrive, in Chinese for the person who wrote it
     * @param detail the platform's own words (an error code), for support
     */
    record ReplyDelivery(State state, Optional<String> reason, Optional<String> detail) {

        public ReplyDelivery {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /**
     * @param open           whether a message may go now at all
     * @param messagesLeft   how many more may go, where the platform counts them (WeChat's 5 a window, an SMS daily cap)
     * @param windowClosesAt when the window since the citizen's last message closes, where there is one
     */
    record SendAllowance(boolean open, Optional<Integer> messagesLeft, Optional<Instant> windowClosesAt) {

        public SendAllowance {
            Objects.requireNonNull(messagesLeft, "messagesLeft");
            Objects.requireNonNull(windowClosesAt, "windowClosesAt");
        }
    }
}
