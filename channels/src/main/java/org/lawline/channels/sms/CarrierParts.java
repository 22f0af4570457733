package org.lawline.channels.sms;

import java.util.List;
import org.lawline.channels.delivery.PartLimit;
import org.lawline.channels.delivery.PartSplitter;

/**
 * How China's carriers cut Chinese text (UCS-2): one message holds 70 characters; a longer one is
 * sent in parts of 67 each, because the header that joins the parts on the phone takes the room
 * of three. A reply is split the same way, at sentence ends where it can, so that each part we
 * send is one message the carrier counts (and bills) once.
 */
final class CarrierParts {

    /** Characters in a message sent alone. */
    static final int SINGLE = 70;
    /** Characters in each part of a long message. */
    static final int PART = 67;

    private CarrierParts() {
    }

    static List<String> split(String text) {
        if (length(text) <= SINGLE) {
            return List.of(text);
        }
        return PartSplitter.split(text, PartLimit.characters(PART));
    }

    /** How many messages the carrier counts for this text sent as one long message. */
    static int count(String text) {
        int length = length(text);
        return length <= SINGLE ? 1 : (length + PART - 1) / PART;
    }

    /**
     * Characters as the carrier counts them: UCS-2 code units, so a character outside the basic
     * plane (an emoji, a rare 汉字) counts twice.
     */
    static int length(String text) {
        return text.length();
    }
}
