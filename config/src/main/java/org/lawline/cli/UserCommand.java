package org.lawline.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.lawline.security.PasswordTooShort;
import org.lawline.security.StaffAccounts;
import org.lawline.security.UsernameTaken;
import org.springframework.context.ApplicationContext;

/**
 * {@code ./lawline user add} and {@code user disable}. The password is read as one line from
 * standard input, never from the arguments, where other users of the machine and the shell's
 * history would see it. The context has migrated the schema before this runs, so it works on a
 * new database as on a running system's.
 */
final class UserCommand {

    private final StaffAccounts accounts;
    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;

    UserCommand(ApplicationContext context, InputStream in, PrintStream out, PrintStream err) {
        this.accounts = context.getBean(StaffAccounts.class);
        this.in = in;
        this.out = out;
        this.err = err;
    }

    int add(Command.UserAdd command) throws IOException {
        if (System.console() != null) {
            err.print("输入 " + command.username() + " 的密码（至少 " + StaffAccounts.MIN_PASSWORD_LENGTH + " 个字符）：");
        }
        String password = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
        if (password == null) {
            err.println("没有读到密码：请在标准输入给出一行密码");
            return 1;
        }
        try {
            accounts.add(command.username(), command.displayName().orElse(command.username()), command.role(), password);
        } catch (PasswordTooShort | UsernameTaken | IllegalArgumentException e) {
            err.println(e.getMessage());
            return 1;
        }
        out.println("已添加账号 " + command.username() + "（" + command.role() + "）");
        return 0;
    }

    int disable(Command.UserDisable command) {
        if (!accounts.disable(command.username())) {
            err.println("没有这个账号：" + command.username());
            return 1;
        }
        out.println("已停用账号 " + command.username());
        return 0;
    }
}
