package org.lawline.channels.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Baseline security headers on every response — the chat page, its API, the WeChat webhook, the
 * admin API, error answers: no MIME sniffing, no framing, no referrer, and HSTS when the request
 * came over TLS. Set before the request goes on, so a refused or failed request carries them too.
 *
 * <p>The chat page loads nothing but its own files and renders all data with textContent, so its
 * policy can be strict: no inline script or style, no other origin. JSON and XML answers get a
 * policy that allows nothing at all. Other pages (the lawyers' inbox) keep their own policy.
 */
class SecurityHeadersFilter extends OncePerRequestFilter {

    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'";

    /** For answers that are data, never a page: nothing may load or frame them. */
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

    static final String HSTS = "max-age=31536000; includeSubDomains";

    static final Set<String> PAGE_PATHS =
            Set.of("/", "/index.html", "/web-chat.js", "/web-chat.css", "/web-chat-icon.svg");

    static final String API_PREFIX = "/api/web/";

    private static final Set<String> DATA_PREFIXES = Set.of("/api/", "/wechat/", "/error");

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        // /error is rendered on an error dispatch: it gets its headers there as well
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = path(request);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", HSTS);
        }
        if (PAGE_PATHS.contains(path)) {
            response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        } else if (DATA_PREFIXES.stream().anyMatch(path::startsWith)) {
            response.setHeader("Content-Security-Policy", API_POLICY);
        }
        if (path.startsWith(API_PREFIX)) {
            // Answers are personal: no shared cache keeps them.
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, response);
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
