package org.lawline.channels.delivery;

import org.lawline.conversation.Channel;

/**
 * How a channel answers a message whose instance died while answering it: the part of the SPI a
 * channel implements when its platform does not repeat a message itself until it is answered
 * (WeChat stops retrying after 15 seconds; a web client repeats its POST, so the web needs none).
 */
public interface StrandedAnswers {

    Channel channel();

    /**
     * Answers a claim the reconciler took over for this instance, from the payload the channel
     * kept with it, and finishes {@code ticket} (answered later, with or without a message).
     *
     * @return true when an answer was sent, false when the claim was closed without one
     */
    boolean answer(StrandedClaim claim, ClaimTicket ticket);
}
