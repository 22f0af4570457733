package org.lawline.channels.wechat;

import java.util.List;
import java.util.Set;
import me.chanjar.weixin.common.bean.menu.WxMenu;
import me.chanjar.weixin.common.bean.menu.WxMenuButton;
import me.chanjar.weixin.common.error.WxErrorException;
import org.lawline.channels.WeChatCallFailed;
import org.lawline.channels.WeChatMenus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Pushes LawLine's menu through WeChat's menu API. */
class MenuPublisher implements WeChatMenus {

    private static final Logger log = LoggerFactory.getLogger(MenuPublisher.class);

    private final WeChatAccounts accounts;

    MenuPublisher(WeChatAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Set<String> accounts() {
        return accounts.names();
    }

    @Override
    public void push(String account) {
        WeChatAccounts.Served served = accounts.find(account)
                .orElseThrow(() -> new WeChatCallFailed("No WeChat account named " + account + " is configured", 0));
        try {
            served.api().getMenuService().menuCreate(menu(served.settings()));
            log.info("WeChat menu pushed to {}", account);
        } catch (WxErrorException e) {
            int code = e.getError() == null ? 0 : e.getError().getErrorCode();
            throw new WeChatCallFailed("WeChat refused the menu of " + account + ": errcode " + code, code);
        } catch (RuntimeException e) {
            throw new WeChatCallFailed("WeChat's API could not be reached for the menu of " + account
                    + " (" + e.getClass().getSimpleName() + ")", 0);
        }
    }

    /** WeChat allows three top-level buttons: the two asked for most, the rest under 更多. */
    static WxMenu menu(WeChatSettings.Account account) {
        WxMenuButton more = new WxMenuButton();
        more.setName("更多");
        more.getSubButtons().add(click(MenuKey.LEGAL_AID));
        more.getSubButtons().add(click(MenuKey.CASE));
        if (!account.menuUrl().isEmpty()) {
            WxMenuButton page = new WxMenuButton();
            page.setType("view");
            page.setName("网页咨询");
            page.setUrl(account.menuUrl());
            more.getSubButtons().add(page);
        }
        WxMenu menu = new WxMenu();
        menu.setButtons(List.of(click(MenuKey.FAQ), click(MenuKey.LAWYER), more));
        return menu;
    }

    private static WxMenuButton click(MenuKey key) {
        WxMenuButton button = new WxMenuButton();
        button.setType("click");
        button.setName(key.label);
        button.setKey(key.key);
        return button;
    }
}
