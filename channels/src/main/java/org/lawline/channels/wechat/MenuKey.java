package org.lawline.channels.wechat;

import java.util.Optional;

/** The keys of our menu's CLICK buttons, and the buttons' names. */
enum MenuKey {
    FAQ("LAWLINE_FAQ", "常见问题"),
    LAWYER("LAWLINE_LAWYER", "找律师"),
    LEGAL_AID("LAWLINE_LEGAL_AID", "法律援助"),
    CASE("LAWLINE_CASE", "查询案件");

    final String key;
    final String label;

    MenuKey(String key, String label) {
        this.key = key;
        this.label = label;
    }

    static Optional<MenuKey> of(String key) {
        for (MenuKey menuKey : values()) {
            if (menuKey.key.equals(key)) {
                return Optional.of(menuKey);
            }
        }
        return Optional.empty();
    }
}
