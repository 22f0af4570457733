package org.lawline.channels.weibo;

import java.util.Arrays;
import java.util.Optional;

/**
 * The click buttons of the account's menu, by the key the menu was created with on the
 * fans-service platform; the button's own name is accepted as a key too, as editors often set it.
 */
enum MenuAction {
    COMMON_QUESTIONS("LAWLINE_FAQ", "常见问题"),
    FIND_A_LAWYER("LAWLINE_LAWYER", "找律师"),
    LEGAL_AID("LAWLINE_LEGAL_AID", "法律援助");

    private final String key;
    private final String label;

    MenuAction(String key, String label) {
        this.key = key;
        this.label = label;
    }

    static Optional<MenuAction> forKey(String key) {
        return Arrays.stream(values()).filter(action -> action.key.equals(key) || action.label.equals(key)).findFirst();
    }
}
