package org.lawline.channels.wechat;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.lawline.conversation.Channel;
import org.lawline.conversation.ChannelIdentity;

/**
 * What a citizen did, as one webhook call told it: a message or an event. Built from the (already
 * decrypted) XML by {@link #of}; the WeChat field names stop here.
 */
sealed interface Inbound {

    /** The citizen (openid) and our account. */
    ChannelIdentity citizen();

    /** Our account's original id (gh_…), the sender of a passive reply. */
    String accountId();

    Instant createdAt();

    /**
     * The key WeChat's retries of this call share: the MsgId of a message; for an event, which has
     * none, the citizen, the creation time and the event, as WeChat's documentation advises.
     */
    String retryKey();

    /** A short name for logs and the database. */
    String kind();

    record Text(ChannelIdentity citizen, String accountId, Instant createdAt, String msgId, String content) implements Inbound {
        @Override public String retryKey() { return messageKey(msgId, citizen, createdAt, kind()); }
        @Override public String kind() { return "text"; }
        @Override public String toString() { return "Text[" + citizen + ", msgId=" + msgId + ", length=" + content.length() + "]"; }
    }

    /** A voice message; WeChat's speech recognition, when switched on, gives its text. */
    record Voice(ChannelIdentity citizen, String accountId, Instant createdAt, String msgId, Optional<String> recognition) implements Inbound {
        @Override public String retryKey() { return messageKey(msgId, citizen, createdAt, kind()); }
        @Override public String kind() { return "voice"; }
        @Override public String toString() { return "Voice[" + citizen + ", msgId=" + msgId + ", recognised=" + recognition.isPresent() + "]"; }
    }

    record Location(ChannelIdentity citizen, String accountId, Instant createdAt, String msgId,
                    double latitude, double longitude) implements Inbound {
        @Override public String retryKey() { return messageKey(msgId, citizen, createdAt, kind()); }
        @Override public String kind() { return "location"; }
        @Override public String toString() { return "Location[" + citizen + ", msgId=" + msgId + "]"; }
    }

    /** Image, video, short video, link, file: nothing the engine can read. */
    record Media(ChannelIdentity citizen, String accountId, Instant createdAt, String msgId, String type) implements Inbound {
        @Override public String retryKey() { return messageKey(msgId, citizen, createdAt, kind()); }
        @Override public String kind() { return type; }
    }

    /** Any event: subscribe, unsubscribe, CLICK, VIEW, the job reports, and those we ignore. */
    record Event(ChannelIdentity citizen, String accountId, Instant createdAt, EventType type, String key,
                 String jobId, String status) implements Inbound {
        @Override public String retryKey() {
            return "event:" + citizen.citizenId() + ":" + createdAt.getEpochSecond() + ":" + type.wireName;
        }
        @Override public String kind() { return "event:" + type.wireName.toLowerCase(Locale.ROOT); }
        @Override public String toString() { return "Event[" + citizen + ", " + type + "]"; }
    }

    enum EventType {
        SUBSCRIBE("subscribe"),
        UNSUBSCRIBE("unsubscribe"),
        CLICK("CLICK"),
        VIEW("VIEW"),
        TEMPLATE_SENT("TEMPLATESENDJOBFINISH"),
        BROADCAST_SENT("MASSSENDJOBFINISH"),
        OTHER("other");

        final String wireName;

        EventType(String wireName) {
            this.wireName = wireName;
        }

        static EventType of(String wire) {
            for (EventType type : values()) {
                if (type.wireName.equalsIgnoreCase(wire)) {
                    return type;
                }
            }
            return OTHER;
        }
    }

    /** A MsgType we do not know (WeChat adds some now and then). */
    record Unknown(ChannelIdentity citizen, String accountId, Instant createdAt, String msgId, String type) implements Inbound {
        @Override public String retryKey() { return messageKey(msgId, citizen, createdAt, type); }
        @Override public String kind() { return "unknown"; }
    }

    /**
     * @throws WeChatXml.InvalidXml when fields every message has are missing or malformed
     */
    static Inbound of(String account, WeChatXml.Fields xml) {
        String openid = xml.get("FromUserName").orElseThrow(() -> new WeChatXml.InvalidXml("no FromUserName"));
        if (openid.length() > 128) {
            throw new WeChatXml.InvalidXml("FromUserName too long");
        }
        String accountId = xml.getOrEmpty("ToUserName");
        ChannelIdentity citizen = new ChannelIdentity(Channel.WECHAT, account, openid);
        Instant createdAt = Instant.ofEpochSecond(number(xml, "CreateTime"));
        String type = xml.get("MsgType").orElseThrow(() -> new WeChatXml.InvalidXml("no MsgType")).toLowerCase(Locale.ROOT);
        String msgId = xml.get("MsgId").or(() -> xml.get("MsgID")).orElse("");
        if (msgId.length() > 64) {
            throw new WeChatXml.InvalidXml("MsgId too long");
        }
        return switch (type) {
            case "text" -> new Text(citizen, accountId, createdAt, msgId, xml.getOrEmpty("Content"));
            case "voice" -> new Voice(citizen, accountId, createdAt, msgId, xml.get("Recognition"));
            case "location" -> new Location(citizen, accountId, createdAt, msgId,
                    coordinate(xml, "Location_X", 90), coordinate(xml, "Location_Y", 180));
            case "image", "video", "shortvideo", "link", "file", "music" -> new Media(citizen, accountId, createdAt, msgId, type);
            case "event" -> new Event(citizen, accountId, createdAt,
                    EventType.of(xml.getOrEmpty("Event")),
                    xml.getOrEmpty("EventKey"),
                    msgId,
                    xml.getOrEmpty("Status"));
            default -> new Unknown(citizen, accountId, createdAt, msgId, type);
        };
    }

    /** A message's MsgId; the few that come without one are told apart like events. */
    private static String messageKey(String msgId, ChannelIdentity citizen, Instant createdAt, String type) {
        return msgId.isEmpty() ? "at:" + citizen.citizenId() + ":" + createdAt.getEpochSecond() + ":" + type : "msg:" + msgId;
    }

    private static long number(WeChatXml.Fields xml, String name) {
        try {
            return Long.parseLong(xml.get(name).orElseThrow(() -> new WeChatXml.InvalidXml("no " + name)));
        } catch (NumberFormatException e) {
            throw new WeChatXml.InvalidXml(name + " is not a number");
        }
    }

    private static double coordinate(WeChatXml.Fields xml, String name, double bound) {
        OptionalDouble value = xml.get(name).map(v -> {
            try {
                return OptionalDouble.of(Double.parseDouble(v));
            } catch (NumberFormatException e) {
                return OptionalDouble.empty();
            }
        }).orElse(OptionalDouble.empty());
        if (value.isEmpty() || Double.isNaN(value.getAsDouble()) || Math.abs(value.getAsDouble()) > bound) {
            throw new WeChatXml.InvalidXml(name + " is not a coordinate");
        }
        return value.getAsDouble();
    }
}
