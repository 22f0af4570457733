package org.lawline.channels.wechat;

import java.time.Instant;
import java.util.UUID;
import me.chanjar.weixin.common.util.crypto.SHA1;

/**
 * Builds webhook calls as WeChat makes them. Signatures come from WxJava's SHA1, not from our
 * code, so that a test of our check does not grade its own homework.
 */
final class WebhookCalls {

    static final String BILLION_LAUGHS = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [
             <!ENTITY lol "lol">
             <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
             <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
             <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
             <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
             <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
             <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
             <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
             <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
             <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
            ]>
            <xml><ToUserName>gh</ToUserName><FromUserName>o</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType><Content>&lol9;</Content><MsgId>1</MsgId></xml>""";

    private WebhookCalls() {
    }

    /** The query string of a signed call, with a fresh nonce. */
    static String signedQuery(String token, Instant at) {
        String timestamp = Long.toString(at.getEpochSecond());
        String nonce = UUID.randomUUID().toString().substring(0, 10).replace("-", "");
        return "signature=" + SHA1.gen(token, timestamp, nonce) + "&timestamp=" + timestamp + "&nonce=" + nonce;
    }

    static String text(String accountId, String openid, long msgId, String content, Instant at) {
        return "<xml><ToUserName><![CDATA[" + accountId + "]]></ToUserName><FromUserName><![CDATA[" + openid + "]]></FromUserName>"
                + "<CreateTime>" + at.getEpochSecond() + "</CreateTime><MsgType><![CDATA[text]]></MsgType>"
                + "<Content><![CDATA[" + content + "]]></Content><MsgId>" + msgId + "</MsgId></xml>";
    }

    static String event(String accountId, String openid, String event, String key, Instant at) {
        return "<xml><ToUserName><![CDATA[" + accountId + "]]></ToUserName><FromUserName><![CDATA[" + openid + "]]></FromUserName>"
                + "<CreateTime>" + at.getEpochSecond() + "</CreateTime><MsgType><![CDATA[event]]></MsgType>"
                + "<Event><![CDATA[" + event + "]]></Event><EventKey><![CDATA[" + key + "]]></EventKey></xml>";
    }

    static String message(String accountId, String openid, long msgId, String type, String inner, Instant at) {
        return "<xml><ToUserName><![CDATA[" + accountId + "]]></ToUserName><FromUserName><![CDATA[" + openid + "]]></FromUserName>"
                + "<CreateTime>" + at.getEpochSecond() + "</CreateTime><MsgType><![CDATA[" + type + "]]></MsgType>"
                + inner + "<MsgId>" + msgId + "</MsgId></xml>";
    }
}
