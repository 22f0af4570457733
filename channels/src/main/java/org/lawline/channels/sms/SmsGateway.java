package org.lawline.channels.sms;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.lawline.channels.delivery.PlatformAnswer;

/**
 * One gateway the SMS channel sends through: its own way of cutting a message into what it
 * sends, and of sending one of those. Implementations are thread safe and answer failures, never
 * throw them.
 */
interface SmsGateway {

    String name();

    /** The parts a message is recorded in. */
    List<String> split(String text);

    /** When the gateway cannot take a message now (its link is down): the instant to try again from. */
    default Optional<Instant> notReadyUntil(Instant now) {
        return Optional.empty();
    }

    /**
     * Sends one part to a number.
     *
     * @param outId our id of the part, which receipts may repeat
     */
    PlatformAnswer send(String phoneNumber, String text, String outId);
}
