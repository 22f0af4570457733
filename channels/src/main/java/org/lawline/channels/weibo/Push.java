package org.lawline.channels.weibo;

import java.time.Instant;
import java.util.Locale;
import org.lawline.conversation.ChannelIdentity;

/**
 * What a follower did, as one push of the fans-service platform told it. Built by
 * {@link PushParser}; Weibo's field names stop there.
 */
sealed interface Push {

    /** What every push carries. */
    Origin origin();

    /** A short name for logs and the claim's row: the push's type (and subtype). */
    String kind();

    default ChannelIdentity follower() {
        return origin().follower();
    }

    /**
     * @param follower   the follower (sender_id) on our account
     * @param accountUid our account's uid (receiver_id): the sender of a passive reply
     * @param createdAt  when Weibo says it happened; one-second resolution
     * @param claimKey   what Weibo's repeats of this push share: sender, created_at, type and a
     *                   hash of the content, since two messages of one second share the rest
     */
    record Origin(ChannelIdentity follower, String accountUid, Instant createdAt, String claimKey) {
        @Override
        public String toString() {
            return "Origin[" + follower + ", at=" + createdAt + "]";
        }
    }

    record Text(Origin origin, String text) implements Push {
        @Override public String kind() { return "text"; }
        @Override public String toString() { return "Text[" + origin + ", length=" + text.length() + "]"; }
    }

    /** A shared location. */
    record Position(Origin origin, double latitude, double longitude) implements Push {
        @Override public String kind() { return "position"; }
        @Override public String toString() { return "Position[" + origin + "]"; }
    }

    /** A voice message or an image: nothing the engine can read. */
    record Media(Origin origin, String type) implements Push {
        @Override public String kind() { return type; }
    }

    /** Follow, unfollow, a menu click, a QR-code scan … with the menu key where there is one. */
    record Event(Origin origin, Subtype subtype, String key) implements Push {
        @Override public String kind() { return "event:" + subtype.name().toLowerCase(Locale.ROOT); }
        @Override public String toString() { return "Event[" + origin + ", " + subtype + "]"; }
    }

    /**
     * The follower @-mentioned the account in a status or a comment: Weibo allows one reply to it.
     */
    record Mention(Origin origin, String subtype, String text) implements Push {
        @Override public String kind() { return "mention"; }
        @Override public String toString() { return "Mention[" + origin + ", " + subtype + "]"; }
    }

    /** A type Weibo added after this code was written: acknowledged and recorded, not answered. */
    record Unknown(Origin origin, String type) implements Push {
        @Override public String kind() { return "unknown:" + type; }
    }

    enum Subtype {
        FOLLOW, UNFOLLOW, SUBSCRIBE, UNSUBSCRIBE, SCAN, SCAN_FOLLOW, CLICK, VIEW, OTHER;

        static Subtype of(String wire) {
            for (Subtype subtype : values()) {
                if (subtype.name().equalsIgnoreCase(wire)) {
                    return subtype;
                }
            }
            return OTHER;
        }

        /** The follower is (again) with us: Weibo opens its 48 hours for replies. */
        boolean joins() {
            return this == FOLLOW || this == SUBSCRIBE || this == SCAN_FOLLOW;
        }

        boolean leaves() {
            return this == UNFOLLOW || this == UNSUBSCRIBE;
        }
    }
}
