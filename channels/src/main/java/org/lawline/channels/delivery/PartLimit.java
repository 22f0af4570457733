package org.lawline.channels.delivery;

/**
 * How much text one message may hold on a platform: WeChat counts UTF-8 bytes (2048), SMS
 * gateways count characters (70 a segment, a few segments a message).
 */
public record PartLimit(int max, Unit unit) {

    public enum Unit {
        UTF8_BYTES,
        /** Unicode code points: what a citizen sees as characters. */
        CHARACTERS
    }

    public PartLimit {
        if (max < 4) {
            // one code point takes up to 4 UTF-8 bytes: a smaller part could hold nothing
            throw new IllegalArgumentException("A part must hold at least 4 units, got " + max);
        }
    }

    public static PartLimit utf8Bytes(int max) {
        return new PartLimit(max, Unit.UTF8_BYTES);
    }

    public static PartLimit characters(int max) {
        return new PartLimit(max, Unit.CHARACTERS);
    }

    /** The size of {@code text} in this limit's unit. */
    public int sizeOf(CharSequence text) {
        String s = text.toString();
        return unit == Unit.UTF8_BYTES
                ? s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                : s.codePointCount(0, s.length());
    }
}
