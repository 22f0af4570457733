package org.lawline.channels.delivery;

import java.util.Optional;
import org.lawline.channels.Notice;
import org.lawline.conversation.Channel;

/**
 * A platform's own form for notices, for when a chat message may not go (WeChat's template
 * messages need no open window): the optional part of the SPI.
 */
public interface NoticeForms {

    Channel channel();

    /**
     * Sends the notice in the platform's form, recorded through {@link Outbox#sendOwnWay}.
     *
     * @return the delivery, or empty when the platform has no form for this kind of notice (with
     *         the reason logged)
     */
    Optional<Delivery> send(Notice notice);
}
