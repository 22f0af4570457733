package org.lawline.channels.sms;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.lawline.conversation.MobileNumber;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the platform's pushes: a JSON array of inbound messages or of delivery receipts, in
 * Aliyun's field names. An item that is not one (no valid number, no id) is skipped and counted,
 * so that one bad item never makes the platform retry a whole batch forever.
 */
final class PushItems {

    /** A body that is no JSON array at all. */
    static final class InvalidPush extends Exception {
        InvalidPush(String message) {
            super(message);
        }
    }

    /** A citizen's message (MO). {@code key} is what its repeats share. */
    record MobileOriginated(MobileNumber from, String content, Optional<String> signName, String destCode, String key, JsonNode raw) {

        @Override
        public String toString() {
            return "MobileOriginated[from=" + from + ", key=" + key + ", length=" + content.length() + "]";
        }
    }

    /**
     * A delivery receipt (DLR) for one number of one {@code SendSms} call.
     *
     * @param bizId the call's id, as {@code SendSms} answered it; empty in an odd receipt that names only our out_id
     */
    record DeliveryReceipt(MobileNumber to, boolean success, String errCode, String errMsg, Optional<String> bizId,
                           Optional<String> outId, String key, JsonNode raw) {
    }

    /** What a batch held: the items read and how many were skipped. */
    record Batch<T>(List<T> items, int skipped) {
    }

    private final JsonMapper json;

    PushItems(JsonMapper json) {
        this.json = json;
    }

    JsonNode array(byte[] body) throws InvalidPush {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            throw new InvalidPush("not JSON");
        }
        if (root == null || !root.isArray()) {
            throw new InvalidPush("not a JSON array");
        }
        return root;
    }

    Batch<MobileOriginated> messages(JsonNode array) {
        List<MobileOriginated> items = new ArrayList<>();
        int skipped = 0;
        for (JsonNode item : array) {
            Optional<MobileOriginated> message = message(item);
            if (message.isPresent()) {
                items.add(message.get());
            } else {
                skipped++;
            }
        }
        return new Batch<>(items, skipped);
    }

    Batch<DeliveryReceipt> receipts(JsonNode array) {
        List<DeliveryReceipt> items = new ArrayList<>();
        int skipped = 0;
        for (JsonNode item : array) {
            Optional<DeliveryReceipt> receipt = receipt(item);
            if (receipt.isPresent()) {
                items.add(receipt.get());
            } else {
                skipped++;
            }
        }
        return new Batch<>(items, skipped);
    }

    static Optional<MobileOriginated> message(JsonNode item) {
        Optional<MobileNumber> from = MobileNumber.parse(text(item, "phone_number"));
        if (from.isEmpty() || !item.path("content").isString()) {
            return Optional.empty();
        }
        String content = item.path("content").asString();
        String destCode = text(item, "dest_code");
        // sequence_id comes as a number on some pages and a string on others: the same id either way
        String sequenceId = text(item, "sequence_id");
        String key = sequenceId.isEmpty()
                ? "mo:" + digest(from.get().digits() + "\n" + text(item, "send_time") + "\n" + destCode + "\n" + content)
                : "mo:" + sequenceId;
        Optional<String> signName = Optional.of(text(item, "sign_name")).filter(name -> !name.isEmpty());
        return Optional.of(new MobileOriginated(from.get(), content, signName, destCode, key, item));
    }

    static Optional<DeliveryReceipt> receipt(JsonNode item) {
        Optional<MobileNumber> to = MobileNumber.parse(text(item, "phone_number"));
        Optional<String> bizId = Optional.of(text(item, "biz_id")).filter(id -> !id.isEmpty());
        Optional<String> outId = Optional.of(text(item, "out_id")).filter(id -> !id.isEmpty());
        if (to.isEmpty() || (bizId.isEmpty() && outId.isEmpty())) {
            return Optional.empty();
        }
        JsonNode success = item.path("success");
        boolean delivered = success.isBoolean() ? success.asBoolean() : "true".equalsIgnoreCase(success.asString(""));
        // one call, one number, one receipt: the receipt's own identity, however often it is pushed
        String key = "dlr:" + bizId.map(id -> "biz:" + id).orElseGet(() -> "out:" + outId.get());
        return Optional.of(new DeliveryReceipt(to.get(), delivered, text(item, "err_code"), text(item, "err_msg"), bizId, outId,
                key, item));
    }

    /** A field as text whether it came as a string or a number; empty when missing or null. */
    private static String text(JsonNode item, String field) {
        JsonNode value = item.path(field);
        if (value.isString()) {
            return value.asString().strip();
        }
        if (value.isNumber()) {
            return value.asString();
        }
        return "";
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
