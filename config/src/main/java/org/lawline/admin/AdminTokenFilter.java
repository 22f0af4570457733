package org.lawline.admin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a request through to the admin API only with {@code Authorization: Bearer <token>}
 * naming the configured token: 403 when no token is configured (the API is off), 401 when the
 * header is missing or names another token. The comparison takes the same time whatever the
 * token sent, so timing cannot reveal it. An address that sent too many wrong tokens this minute
 * is answered 429 with Retry-After, its token not even compared.
 */
final class AdminTokenFilter extends OncePerRequestFilter {

    static final String DISABLED = "管理接口未启用";
    static final String UNAUTHORIZED = "需要有效的管理令牌（Authorization: Bearer …）";

    private static final Logger log = LoggerFactory.getLogger(AdminTokenFilter.class);
    private static final String BEARER = "Bearer ";

    static final String THROTTLED = "管理令牌错误次数过多，请%d秒后再试";

    private final AdminSettings settings;
    private final FailedTokenAttempts failures;

    AdminTokenFilter(AdminSettings settings, FailedTokenAttempts failures) {
        this.settings = settings;
        this.failures = failures;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!settings.enabled()) {
            refuse(response, HttpServletResponse.SC_FORBIDDEN, DISABLED);
            return;
        }
        // The connection's address: a forwarded one could be anything a guesser writes.
        String address = request.getRemoteAddr();
        long blocked = failures.blockedFor(address);
        if (blocked > 0) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(blocked));
            refuse(response, 429, THROTTLED.formatted(blocked));
            return;
        }
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || !sameToken(header.substring(BEARER.length()).strip(), settings.token())) {
            // the address helps spot guessing; the header itself is never logged
            log.warn("Admin API request refused: no valid token, from {}", address);
            failures.failed(address);
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            refuse(response, HttpServletResponse.SC_UNAUTHORIZED, UNAUTHORIZED);
            return;
        }
        chain.doFilter(request, response);
    }

    /** Compares digests, so neither the length nor the first differing byte shows in the time taken. */
    static boolean sameToken(String given, String expected) {
        return MessageDigest.isEqual(digest(given), digest(expected));
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        // the messages are ours and hold no quote or backslash: no JSON library needed
        response.getWriter().write("{\"error\":\"" + message + "\"}");
    }
}
