package org.lawline.channels.wechat;

/** Names this channel shares with the rest of LawLine. */
final class WeChatChannel {

    /** The channel of a {@link org.lawline.conversation.ChannelIdentity}. */
    static final String NAME = "wechat";

    private WeChatChannel() {
    }
}
