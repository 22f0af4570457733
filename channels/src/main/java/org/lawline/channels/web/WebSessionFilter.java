package org.lawline.channels.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a web chat message or poll without a valid session token (401), before its body is read
 * or parsed; a valid one leaves the citizen id it proves in the request attribute {@link #CITIZEN}
 * for the controller, which refuses a request for another id (403).
 */
class WebSessionFilter extends OncePerRequestFilter {

    static final String CITIZEN = "lawline.web.citizenId";

    private final WebSessions sessions;

    WebSessionFilter(WebSessions sessions) {
        this.sessions = sessions;
    }

    /** Other methods get their 405 from the API as before: they carry nothing to guard. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) && !"POST".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String citizenId;
        try {
            citizenId = sessions.citizenOf(request.getHeader("Authorization"));
        } catch (WebSessions.NotSignedIn e) {
            byte[] body = ("{\"error\":\"" + e.getMessage() + "\"}").getBytes(StandardCharsets.UTF_8);
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", "Bearer");
            response.setContentType("application/json;charset=UTF-8");
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            return;
        }
        request.setAttribute(CITIZEN, citizenId);
        chain.doFilter(request, response);
    }
}
