package org.lawline.channels;

import java.util.Set;

/**
 * The menus of the WeChat official accounts LawLine serves: what {@code ./lawline wechat menu
 * --account NAME} runs. Thread safe.
 */
public interface WeChatMenus {

    /** The accounts that are configured and on, by name. */
    Set<String> accounts();

    /**
     * Replaces the account's menu on WeChat with LawLine's: 常见问题, 找律师, and under 更多:
     * 法律援助, 查询案件 (and the account's web page, when one is configured).
     *
     * @throws WeChatCallFailed when the account is not configured or WeChat refuses the menu
     */
    void push(String account);
}
