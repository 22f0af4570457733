package org.lawline.conversation;

import java.util.Locale;

/**
 * Where a citizen writes from. A channel's name is its wire name in keys, tables and logs
 * ({@code wechat}, {@code sms} …), which never change: Redis keys and rows written under them
 * must stay readable.
 */
public enum Channel {
    /** The city's web page and mobile app. */
    WEB("web"),
    /** A WeChat official account. */
    WECHAT("wechat"),
    /** A Weibo account's private messages. */
    WEIBO("weibo"),
    /** Text messages to and from the service's number. */
    SMS("sms"),
    /** The 12348 hotline's operators, who call a citizen back. */
    HOTLINE("hotline");

    private static final String LEGACY_COMMAND_LINE = "cli";

    private final String wireName;

    Channel(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /**
     * @throws IllegalArgumentException for a name no channel has
     */
    public static Channel of(String wireName) {
        String name = wireName.toLowerCase(Locale.ROOT);
        for (Channel channel : values()) {
            if (channel.wireName.equals(name)) {
                return channel;
            }
        }
        if (LEGACY_COMMAND_LINE.equals(name)) {
            // `./lawline ask` wrote its turns and escalations under a channel of its own before
            // channels were a type; it now asks as a web citizen, and its old rows read as one
            return WEB;
        }
        throw new IllegalArgumentException("No channel is called " + wireName);
    }

    @Override
    public String toString() {
        return wireName;
    }
}
