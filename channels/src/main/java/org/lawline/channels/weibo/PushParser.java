package org.lawline.channels.weibo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.lawline.conversation.Channel;
import org.lawline.conversation.ChannelIdentity;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a push of the fans-service platform: a JSON object with {@code type}, {@code sender_id},
 * {@code receiver_id}, {@code created_at}, {@code text} and {@code data}. Uids may come as numbers
 * or strings; {@code created_at} in Weibo's own date format ("Mon Jul 16 18:09:20 +0800 2012") or
 * as epoch seconds. Anything else is a {@link MalformedPush}: the webhook answers 400.
 */
final class PushParser {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter WEIBO_DATE = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ENGLISH);
    private static final Pattern UID = Pattern.compile("[0-9]{1,20}");
    private static final Pattern TYPE = Pattern.compile("[a-z_]{1,32}");
    private static final Pattern EPOCH_SECONDS = Pattern.compile("[0-9]{9,11}");

    private PushParser() {
    }

    /** A push that is not what Weibo sends; the message is for our log. */
    static final class MalformedPush extends RuntimeException {
        MalformedPush(String reason) {
            super(reason, null, false, false);
        }
    }

    static Push parse(String account, byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new MalformedPush("not JSON (" + e.getClass().getSimpleName() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new MalformedPush("not a JSON object");
        }
        String type = string(root, "type").map(t -> t.toLowerCase(Locale.ROOT))
                .filter(t -> TYPE.matcher(t).matches())
                .orElseThrow(() -> new MalformedPush("type missing or not a word"));
        String sender = uid(root, "sender_id");
        String receiver = uid(root, "receiver_id");
        Instant createdAt = createdAt(root);
        String text = string(root, "text").orElse("");
        JsonNode data = data(root);
        Push.Origin origin = new Push.Origin(new ChannelIdentity(Channel.WEIBO, account, sender), receiver, createdAt,
                claimKey(sender, createdAt, type, text, data));
        return switch (type) {
            case "text" -> new Push.Text(origin, text);
            case "position" -> new Push.Position(origin, coordinate(data, "latitude", 90), coordinate(data, "longitude", 180));
            case "voice", "image" -> new Push.Media(origin, type);
            case "event" -> new Push.Event(origin, Push.Subtype.of(string(data, "subtype").orElse("")), string(data, "key").orElse(""));
            case "mention" -> new Push.Mention(origin, string(data, "subtype").orElse(""), text);
            default -> new Push.Unknown(origin, type);
        };
    }

    /**
     * Weibo's advice is sender and created_at; created_at counts whole seconds, so two messages
     * of one second are told apart by their type and a hash of what they hold.
     */
    static String claimKey(String sender, Instant createdAt, String type, String text, JsonNode data) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(text.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            sha256.update(data.toString().getBytes(StandardCharsets.UTF_8));
            String content = HexFormat.of().formatHex(sha256.digest(), 0, 12);
            return "push:" + sender + ":" + createdAt.getEpochSecond() + ":" + type + ":" + content;
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is in every JDK", impossible);
        }
    }

    private static Optional<String> string(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (value.isString() || value.isNumber()) {
            return Optional.of(value.asString());
        }
        throw new MalformedPush(field + " is neither text nor a number");
    }

    private static String uid(JsonNode root, String field) {
        return string(root, field).filter(uid -> UID.matcher(uid).matches())
                .orElseThrow(() -> new MalformedPush(field + " missing or not a uid"));
    }

    private static Instant createdAt(JsonNode root) {
        String value = string(root, "created_at").orElseThrow(() -> new MalformedPush("created_at missing"));
        if (EPOCH_SECONDS.matcher(value).matches()) {
            return Instant.ofEpochSecond(Long.parseLong(value));
        }
        try {
            return ZonedDateTime.parse(value, WEIBO_DATE).toInstant();
        } catch (DateTimeParseException e) {
            throw new MalformedPush("created_at is not a Weibo date");
        }
    }

    /** {@code data} is an object; some of Weibo's examples send it as a JSON string instead. */
    private static JsonNode data(JsonNode root) {
        JsonNode data = root.get("data");
        if (data == null || data.isNull()) {
            return JSON.createObjectNode();
        }
        if (data.isString() && !data.asString().isBlank()) {
            try {
                data = JSON.readTree(data.asString());
            } catch (JacksonException e) {
                throw new MalformedPush("data is a string but not JSON");
            }
        } else if (data.isString()) {
            return JSON.createObjectNode();
        }
        if (!data.isObject()) {
            throw new MalformedPush("data is not an object");
        }
        return data;
    }

    private static double coordinate(JsonNode data, String field, double bound) {
        String value = string(data, field).orElseThrow(() -> new MalformedPush(field + " missing"));
        try {
            double degrees = Double.parseDouble(value);
            if (Double.isFinite(degrees) && Math.abs(degrees) <= bound) {
                return degrees;
            }
        } catch (NumberFormatException e) {
            // falls through to the refusal
        }
        throw new MalformedPush(field + " is not a coordinate");
    }
}
