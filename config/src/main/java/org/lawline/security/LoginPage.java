package org.lawline.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/**
 * The sign-in page for duty lawyers, operators and administrators, in Chinese. Spring Security's
 * form fields ({@code username}, {@code password}, {@code _csrf}); rendering the token also sets
 * the {@code XSRF-TOKEN} cookie.
 */
@Controller
@ConditionalOnWebApplication
class LoginPage {

    @GetMapping(path = "/login", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String login(HttpServletRequest request, CsrfToken csrf) {
        String notice = "";
        if (request.getParameter("error") != null) {
            notice = "<p class=\"error\" role=\"alert\">用户名或密码不正确，或账号已停用或暂时锁定。</p>";
        } else if (request.getParameter("logout") != null) {
            notice = "<p class=\"info\" role=\"status\">已退出登录。</p>";
        }
        return """
                <!doctype html>
                <html lang="zh-CN"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>登录 · 12348 法律服务值班台</title>
                <style>
                body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;background:#f3f5f8;margin:0;display:flex;min-height:100vh;align-items:center;justify-content:center}
                form{background:#fff;padding:2rem;border-radius:8px;box-shadow:0 2px 10px rgba(0,0,0,.08);width:min(22rem,90vw)}
                h1{font-size:1.3rem;margin:0 0 1rem}label{display:block;margin:.8rem 0 .3rem}
                input{width:100%%;box-sizing:border-box;padding:.6rem;font-size:1rem;border:1px solid #ccd;border-radius:4px}
                button{margin-top:1.2rem;width:100%%;padding:.7rem;font-size:1rem;background:#1f5fbf;color:#fff;border:0;border-radius:4px}
                .error{color:#b00020}.info{color:#1f7a3a}
                </style></head>
                <body><form method="post" action="/login">
                <h1>12348 法律服务值班台</h1>%s
                <label for="username">用户名</label><input id="username" name="username" autocomplete="username" required autofocus>
                <label for="password">密码</label><input id="password" name="password" type="password" autocomplete="current-password" required>
                <input type="hidden" name="%s" value="%s">
                <button type="submit" id="login">登录</button>
                </form></body></html>
                """.formatted(notice, HtmlUtils.htmlEscape(csrf.getParameterName()), HtmlUtils.htmlEscape(csrf.getToken()));
    }
}
