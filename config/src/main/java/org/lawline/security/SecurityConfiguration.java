package org.lawline.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may open what. People sign in with a form at {@code /login} and a session cookie; the JSON
 * API under {@code /api/inbox/} answers 401 / 403 in JSON instead of redirecting, and checks CSRF
 * by the {@code XSRF-TOKEN} cookie echoed in the {@code X-XSRF-TOKEN} header. Paths with a guard
 * of their own stay open here: the citizens' web chat (server-issued session tokens), the WeChat
 * and Weibo webhooks (signatures), the SMS gateway's pushes (the URL's token), the hotline's
 * voicemail intake (HMAC) and the admin API for scripts (its bearer token, {@code AdminTokenFilter});
 * none of them rides on a session cookie, so CSRF does not apply to them.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

    private static final String LAWYER = Role.LAWYER.name();
    private static final String OPERATOR = Role.OPERATOR.name();
    private static final String ADMIN = Role.ADMIN.name();

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
        http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/", "/index.html", "/web-chat.js", "/web-chat.css", "/web-chat-icon.svg", "/favicon.ico",
                                "/api/web/**", "/wechat/**", "/weibo/**", "/sms/**", "/api/hotline/**", "/api/admin/**",
                                "/login", "/error").permitAll()
                        .requestMatchers("/api/inbox/callbacks", "/api/inbox/callbacks/**").hasAnyRole(OPERATOR, ADMIN)
                        // the duty roster is the administrators' to edit (its page is under /admin/)
                        .requestMatchers("/api/inbox/roster", "/api/inbox/roster/**").hasRole(ADMIN)
                        .requestMatchers("/api/inbox/events", "/api/inbox/me").hasAnyRole(LAWYER, OPERATOR, ADMIN)
                        // operators read the chat behind a callback; only lawyers act on it
                        .requestMatchers(HttpMethod.GET, "/api/inbox/conversations/*").hasAnyRole(LAWYER, OPERATOR, ADMIN)
                        // canned replies: every lawyer reads them, administrators keep them
                        .requestMatchers(HttpMethod.GET, "/api/inbox/canned-replies").hasAnyRole(LAWYER, ADMIN)
                        .requestMatchers("/api/inbox/canned-replies", "/api/inbox/canned-replies/**").hasRole(ADMIN)
                        .requestMatchers("/api/inbox/**").hasAnyRole(LAWYER, ADMIN)
                        .requestMatchers("/inbox", "/inbox/**").hasAnyRole(LAWYER, OPERATOR, ADMIN)
                        .requestMatchers("/admin/**").hasRole(ADMIN)
                        .anyRequest().authenticated())
                .formLogin(form -> form
                        .loginPage("/login")
                        .successHandler(new CsrfCookieOnLogin("/inbox"))
                        .failureUrl("/login?error")
                        .permitAll())
                // after login, go back only to a page the person asked for: never to an API call
                // or a script that happened to be refused while signed out
                .requestCache(cache -> cache.requestCache(pagesOnly()))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .csrf(csrf -> csrf.spa().ignoringRequestMatchers("/api/web/**", "/wechat/**", "/weibo/**", "/sms/**", "/api/hotline/**",
                        "/api/admin/**"))
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor((request, response, e) ->
                                json(response, HttpServletResponse.SC_UNAUTHORIZED, "请先登录"), api)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), request -> true)
                        .defaultAccessDeniedHandlerFor((request, response, e) ->
                                json(response, HttpServletResponse.SC_FORBIDDEN, "没有权限，或页面已过期请刷新"), api))
                .headers(Customizer.withDefaults());
        return http.build();
    }

    private static HttpSessionRequestCache pagesOnly() {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        cache.setRequestMatcher(new AndRequestMatcher(paths.matcher(HttpMethod.GET, "/**"),
                new NegatedRequestMatcher(new OrRequestMatcher(paths.matcher("/api/**"), paths.matcher("/inbox/**"),
                        paths.matcher("/error")))));
        return cache;
    }

    private static void json(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        // our own fixed messages: no quote or backslash to escape
        response.getWriter().write("{\"error\":\"" + message + "\"}");
    }

    /**
     * Signing in replaces the CSRF token, but the replacement is only written as a cookie when
     * something reads it; the inbox page's first POST would then have no token. Reading it here
     * sets {@code XSRF-TOKEN} on the login response itself.
     */
    static final class CsrfCookieOnLogin extends SavedRequestAwareAuthenticationSuccessHandler {

        CsrfCookieOnLogin(String defaultTarget) {
            setDefaultTargetUrl(defaultTarget);
        }

        @Override
        public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                            org.springframework.security.core.Authentication authentication)
                throws jakarta.servlet.ServletException, IOException {
            if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
                token.getToken();
            }
            super.onAuthenticationSuccess(request, response, authentication);
        }
    }
}
