package org.lawline.security;

import java.security.Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/**
 * The administrators' page of accounts ({@code /admin/users}, ADMIN only): the list, a form that
 * adds one, and a button that disables one. Plain forms with the {@code _csrf} field, the same
 * rules as {@code ./lawline user}.
 */
@Controller
@ConditionalOnWebApplication
class UsersPage {

    private static final Logger log = LoggerFactory.getLogger(UsersPage.class);

    private final StaffAccounts accounts;

    UsersPage(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping(path = "/admin/users", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String users(@RequestParam(required = false) String message, CsrfToken csrf) {
        StringBuilder rows = new StringBuilder();
        for (Role role : Role.values()) {
            for (StaffAccount account : accounts.active(role)) {
                rows.append("<tr><td>").append(e(account.username())).append("</td><td>").append(e(account.displayName()))
                        .append("</td><td>").append(role.name()).append("</td><td><form method=\"post\" action=\"/admin/users/")
                        .append(e(account.username())).append("/disable\">").append(csrfField(csrf))
                        .append("<button type=\"submit\">停用</button></form></td></tr>");
            }
        }
        return """
                <!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1"><title>账号管理 · 12348</title>
                <style>body{font-family:system-ui,"PingFang SC",sans-serif;margin:2rem}table{border-collapse:collapse}
                td,th{border-bottom:1px solid #ddd;padding:.4rem .8rem;text-align:left}form.add{margin-top:1.5rem;display:grid;gap:.5rem;max-width:24rem}</style>
                </head><body><h1>账号管理</h1><p><a href="/inbox">工作台</a> · <a href="/admin/roster">值班排班</a></p><p id="message">%s</p>
                <table id="users"><tr><th>用户名</th><th>显示名</th><th>角色</th><th></th></tr>%s</table>
                <form class="add" method="post" action="/admin/users">%s
                <label>用户名 <input name="username" required></label>
                <label>显示名 <input name="displayName" placeholder="张律师"></label>
                <label>角色 <select name="role"><option>LAWYER</option><option>OPERATOR</option><option>ADMIN</option></select></label>
                <label>密码（至少 10 个字符）<input name="password" type="password" required minlength="10"></label>
                <button type="submit">添加账号</button></form></body></html>
                """.formatted(e(message == null ? "" : message), rows, csrfField(csrf));
    }

    @PostMapping("/admin/users")
    String add(@RequestParam String username, @RequestParam(required = false) String displayName, @RequestParam String role,
               @RequestParam String password, Principal admin) {
        String message;
        try {
            Role chosen = Role.named(role).orElseThrow(() -> new IllegalArgumentException("角色只能是 LAWYER、OPERATOR 或 ADMIN"));
            accounts.add(username.strip(), displayName, chosen, password);
            log.info("{} added account {} ({})", admin.getName(), username.strip(), chosen);
            message = "已添加账号 " + username.strip();
        } catch (PasswordTooShort | UsernameTaken | IllegalArgumentException e) {
            message = e.getMessage();
        }
        return "redirect:/admin/users?message=" + java.net.URLEncoder.encode(message, java.nio.charset.StandardCharsets.UTF_8);
    }

    @PostMapping("/admin/users/{username}/disable")
    String disable(@PathVariable String username, Principal admin) {
        boolean done = accounts.disable(username);
        log.info("{} disabled account {}", admin.getName(), username);
        String message = done ? "已停用账号 " + username : "没有这个账号：" + username;
        return "redirect:/admin/users?message=" + java.net.URLEncoder.encode(message, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String csrfField(CsrfToken csrf) {
        return "<input type=\"hidden\" name=\"" + e(csrf.getParameterName()) + "\" value=\"" + e(csrf.getToken()) + "\">";
    }

    private static String e(String text) {
        return HtmlUtils.htmlEscape(text);
    }
}
