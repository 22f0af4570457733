package org.lawline.cli;

import java.io.PrintStream;
import org.lawline.channels.WeChatCallFailed;
import org.lawline.channels.WeChatMenus;
import org.springframework.context.ApplicationContext;

/** {@code ./lawline wechat menu --account NAME}: pushes the configured menu to one account. */
final class WeChatMenuCommand {

    private final WeChatMenus menus;
    private final PrintStream out;
    private final PrintStream err;

    WeChatMenuCommand(ApplicationContext context, PrintStream out, PrintStream err) {
        this.menus = context.getBean(WeChatMenus.class);
        this.out = out;
        this.err = err;
    }

    int run(Command.WeChatMenu command) {
        if (!menus.accounts().contains(command.account())) {
            err.println("没有配置名为 " + command.account() + " 的公众号（已配置：" + menus.accounts() + "）");
            return 1;
        }
        try {
            menus.push(command.account());
        } catch (WeChatCallFailed e) {
            err.println("菜单推送失败：" + e.getMessage());
            return 1;
        }
        out.println("菜单已推送到公众号 " + command.account());
        return 0;
    }
}
