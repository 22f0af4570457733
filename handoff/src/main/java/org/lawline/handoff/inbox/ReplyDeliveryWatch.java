package org.lawline.handoff.inbox;

import java.time.Duration;
import java.util.Optional;
import org.lawline.channels.ReplyDeliveries;
import org.lawline.conversation.EventId;

/**
 * What the channel's delivery path did with a lawyer's reply, as the reply's answer says it: the
 * outbox records the reply while the desk publishes it, then the channel's workers send it (the
 * web chat's mailbox at once, WeChat's API from a pool). The answer waits a moment for that send
 * to settle, so that a refusal the platform gives at once (WeChat's 45015) is said at once; a send
 * still under way is "queued", and the conversation view tells how it ended.
 */
class ReplyDeliveryWatch {

    /**
     * Long enough for a platform call that answers normally (WeChat's API answers in well under a
     * second), short enough that a lawyer does not wait on a slow platform: that one reads "queued".
     */
    static final Duration SETTLE_WITHIN = Duration.ofSeconds(3);
    private static final long POLL_MILLIS = 50;
    static final String NO_CHANNEL = "未送达：这个渠道在本服务上没有启用，消息无法发出";

    private final ReplyDeliveries deliveries;

    ReplyDeliveryWatch(ReplyDeliveries deliveries) {
        this.deliveries = deliveries;
    }

    /** The reply's delivery once it settled, or QUEUED when it had not within {@link #SETTLE_WITHIN}. */
    InboxViews.Delivery settle(EventId replyId) {
        // a wait, not a business time: the monotonic clock, never the injected one (tests may fix that)
        long giveUp = System.nanoTime() + SETTLE_WITHIN.toNanos();
        Optional<ReplyDeliveries.ReplyDelivery> seen = deliveries.of(replyId);
        while (seen.filter(d -> d.state() == ReplyDeliveries.State.QUEUED).isPresent() && System.nanoTime() - giveUp < 0) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            seen = deliveries.of(replyId);
        }
        return view(seen);
    }

    /** The delivery as it stands now, for the transcript. */
    InboxViews.Delivery now(EventId replyId) {
        return view(deliveries.of(replyId));
    }

    private static InboxViews.Delivery view(Optional<ReplyDeliveries.ReplyDelivery> delivery) {
        return delivery.map(d -> new InboxViews.Delivery(switch (d.state()) {
                    case SENT -> "sent";
                    case QUEUED -> "queued";
                    case NOT_DELIVERED -> "not_delivered";
                }, d.reason().orElse(null)))
                // the outbox records a reply while the desk publishes it: none recorded means no channel took it
                .orElseGet(() -> new InboxViews.Delivery("not_delivered", NO_CHANNEL));
    }
}
