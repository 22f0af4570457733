package org.lawline.channels.weibo;

import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON Weibo takes for a text reply: {@code {"text": …}} as {@code data}, and the passive
 * reply's envelope around it, whose {@code data} holds that JSON URL-encoded (UTF-8), as the
 * fans-service documentation shows it.
 */
final class ReplyJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ReplyJson() {
    }

    /** The {@code data} of a text message: what reply.json takes as its form field. */
    static String textData(String text) {
        ObjectNode data = JSON.createObjectNode();
        data.put("text", text);
        return JSON.writeValueAsString(data);
    }

    /** The body of a passive reply from our account to the follower. */
    static String passive(String accountUid, String followerUid, String text) {
        ObjectNode reply = JSON.createObjectNode();
        reply.put("result", true);
        reply.put("sender_id", new BigInteger(accountUid));
        reply.put("receiver_id", new BigInteger(followerUid));
        reply.put("type", "text");
        // URLEncoder writes a space as '+', a form's convention; Weibo's examples use %20
        reply.put("data", URLEncoder.encode(textData(text), StandardCharsets.UTF_8).replace("+", "%20"));
        return JSON.writeValueAsString(reply);
    }
}
