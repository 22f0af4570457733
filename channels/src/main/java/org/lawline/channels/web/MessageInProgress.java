package org.lawline.channels.web;

/** A retried POST arrived while the first one with the same messageId is still being answered. */
class MessageInProgress extends RuntimeException {

    MessageInProgress() {
        super("这条消息正在处理，请稍候", null, false, false);
    }
}
