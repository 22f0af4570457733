package org.lawline.channels.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers for the chat page, its assets and the web chat API. Only these paths: other
 * modules' pages (the lawyers' inbox, the admin) set their own.
 *
 * <p>The page loads nothing but its own files and renders all data with textContent, so the
 * policy can be strict: no inline script or style, no other origin, no framing.
 */
class SecurityHeadersFilter extends OncePerRequestFilter {

    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'";

    static final Set<String> PAGE_PATHS =
            Set.of("/", "/index.html", "/web-chat.js", "/web-chat.css", "/web-chat-icon.svg");

    static final String API_PREFIX = "/api/web/";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = path(request);
        return !PAGE_PATHS.contains(path) && !path.startsWith(API_PREFIX);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        if (path(request).startsWith(API_PREFIX)) {
            // Answers are personal: no shared cache keeps them.
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, response);
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
