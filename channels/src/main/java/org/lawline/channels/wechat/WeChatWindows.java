package org.lawline.channels.wechat;

import org.lawline.channels.delivery.ReplyWindows;

/**
 * WeChat's customer-service windows, as a bean of this channel's own: the shared
 * {@link ReplyWindows} type would be ambiguous once Weibo has windows too.
 */
record WeChatWindows(ReplyWindows windows) {
}
