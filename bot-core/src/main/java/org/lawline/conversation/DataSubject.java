package org.lawline.conversation;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A citizen whose data is to be deleted on request, in one of the forms the system knows them by:
 * their id on a channel (every account of that channel), or a mobile number (every channel whose
 * id is the number, and every callback or voicemail that carries it).
 *
 * <p>{@link #toString()} masks the id, so a subject can be logged.
 */
public sealed interface DataSubject {

    /**
     * The citizen as one channel names them: web citizen id, WeChat openid, Weibo uid, or the
     * phone number on SMS and the hotline.
     */
    record OnChannel(Channel channel, String citizenId) implements DataSubject {
        public OnChannel {
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(citizenId, "citizenId");
            if (citizenId.isBlank() || citizenId.equals(PersonalDataPurge.PURGED)) {
                throw new IllegalArgumentException("A citizen id is needed");
            }
        }

        /** The number, when the id is a mobile number (SMS, the hotline). */
        public Optional<MobileNumber> phone() {
            return MobileNumber.parse(citizenId).filter(number -> number.digits().equals(citizenId));
        }

        @Override
        public String toString() {
            String id = citizenId.length() <= 4 ? "****" : citizenId.substring(0, 2) + "****" + citizenId.substring(citizenId.length() - 2);
            return channel.wireName() + ":" + id;
        }
    }

    /** Everyone on record with this mobile number. */
    record ByPhone(MobileNumber number) implements DataSubject {
        public ByPhone {
            Objects.requireNonNull(number, "number");
        }

        @Override
        public String toString() {
            return "phone:" + number.masked();
        }
    }

    /**
     * Reads {@code channel:id} ({@code web:…}, {@code wechat:openid}, {@code weibo:uid},
     * {@code sms:13800138000}, {@code hotline:13800138000}) or {@code phone:13800138000}.
     *
     * @throws IllegalArgumentException for any other form, with a message for the person typing
     */
    static DataSubject parse(String text) {
        int colon = text == null ? -1 : text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("应写成 渠道:ID，例如 wechat:openid、sms:13800138000 或 phone:13800138000");
        }
        String kind = text.substring(0, colon).toLowerCase(Locale.ROOT);
        String id = text.substring(colon + 1).strip();
        if (kind.equals("phone")) {
            return new ByPhone(MobileNumber.parse(id)
                    .orElseThrow(() -> new IllegalArgumentException("phone: 后应是 11 位手机号")));
        }
        Channel channel;
        try {
            channel = Channel.of(kind);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("没有这个渠道：" + kind + "（可用 web、wechat、weibo、sms、hotline、phone）");
        }
        if (id.isBlank() || id.equals(PersonalDataPurge.PURGED)) {
            throw new IllegalArgumentException("缺少 ID：" + text);
        }
        return new OnChannel(channel, id);
    }
}
