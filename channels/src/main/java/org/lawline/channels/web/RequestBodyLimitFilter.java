package org.lawline.channels.web;

import org.lawline.channels.BodyLimitFilter;

/** The web chat's body cap: its requests are JSON with at most 2,000 characters of text. */
class RequestBodyLimitFilter extends BodyLimitFilter {

    /** 2,000 characters of Chinese are 6 KB of UTF-8; the rest is room for JSON and escapes. */
    static final int MAX_BODY_BYTES = 16 * 1024;

    static final String TOO_LARGE = "请求内容过大（上限16KB），消息请控制在2000字以内";

    RequestBodyLimitFilter() {
        super(MAX_BODY_BYTES, TOO_LARGE);
    }
}
