package org.lawline.channels.delivery;

import java.util.Optional;

/**
 * Why a message did not arrive, in the words a duty lawyer reads. The platforms record their
 * reasons in English with their error codes (for support and logs); this reads them once, here,
 * beside the platforms that write them.
 */
final class RefusalTexts {

    private RefusalTexts() {
    }

    static String forPeople(PartState state, Optional<String> recorded) {
        String reason = recorded.orElse("");
        if (reason.contains("45015") || reason.contains("window closed")) {
            return "未送达：距群众上次发消息已超过 48 小时（或对方已取消关注），须等群众再发消息后才能回复";
        }
        if (reason.contains("45047") || reason.contains("used up") || reason.contains("is used")) {
            return "未送达：本窗口内可发的消息已用完，须等群众再发消息后才能回复";
        }
        if (reason.contains("daily cap")) {
            return "未送达：今天发往这个号码的短信已达上限，明天再发";
        }
        if (reason.contains("unfollowed") || reason.contains("unsubscribed")) {
            return "未送达：群众已取消关注或退订";
        }
        if (state == PartState.NOT_DELIVERED) {
            return "未送达：平台拒收，须等群众再发消息后才能回复";
        }
        return "未送达：发送失败（平台暂时无法连接或返回错误），可稍后再发";
    }
}
