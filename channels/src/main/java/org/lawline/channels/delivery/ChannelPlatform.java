package org.lawline.channels.delivery;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executor;
import org.lawline.conversation.Channel;
import org.lawline.conversation.ChannelIdentity;

/**
 * What a channel adapter tells the shared outbox about its platform: the one SPI a channel
 * implements to send. The outbox records every part before it asks, retries what an instance left
 * unsent, and keeps the results; the platform only knows its own rules and its own API.
 * Implementations are thread safe and never throw for a refusal: they answer it.
 */
public interface ChannelPlatform {

    Channel channel();

    /** How much text one part may hold; longer messages are split at sentence ends. */
    PartLimit partLimit();

    /**
     * The parts a message is recorded in, in order: by default at sentence ends within
     * {@link #partLimit()}. A platform whose carriers count a single message and the parts of a
     * long one differently (SMS: 70 characters alone, 67 a part) says so here.
     */
    default List<String> split(String text) {
        return PartSplitter.split(text, partLimit());
    }

    /**
     * The parts of a message to this citizen: as {@link #split(String)} unless the citizen's
     * account decides (one SMS gateway sends carrier parts one call each, another joins them
     * into one concatenated message itself).
     */
    default List<String> split(ChannelIdentity to, String text) {
        return split(text);
    }

    /**
     * Whether a message for this purpose may go to the citizen now: windows since the citizen last
     * wrote (WeChat's and Weibo's 48 hours), allowances (WeChat's 5 per window), daily caps per
     * number, quiet hours for publicity. Asked once per part, right before it is sent; an
     * allowance is spent by an {@link SendPermission.Allowed} answer.
     *
     * @throws RuntimeException when the allowance's store is unreachable; the outbox records the part FAILED
     */
    SendPermission mayWeSend(ChannelIdentity to, Purpose purpose, Instant now);

    /**
     * What {@link #mayWeSend} would allow a chat message now, spending nothing: for the people who
     * write to the citizen. Empty where the platform has no windows or allowances (the web chat).
     */
    default java.util.Optional<org.lawline.channels.ReplyDeliveries.SendAllowance> allowance(ChannelIdentity to, Instant now) {
        return java.util.Optional.empty();
    }

    /**
     * Sends one part and says what the platform answered. Vendor exceptions stay inside: a
     * network failure is a {@link PlatformAnswer.Failed}.
     */
    PlatformAnswer send(OutboundPart part);

    /**
     * Where a message nobody waits for is sent from ({@link Outbox#deliverSoon}): the caller's
     * thread unless the platform says otherwise. A platform that calls a remote API gives its own
     * bounded pool, so that the publisher (a lawyer's reply) does not wait on the platform; a part
     * the pool refuses stays SENDING for the reconciler.
     */
    default Executor dispatcher() {
        return Runnable::run;
    }
}
