package org.lawline.channels.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits the web chat's POSTs (new sessions and messages) per client address, before anything
 * else runs: a flood of new citizen ids from one address would otherwise write rows, run the
 * embedding model and evict real conversations. Polls (GET) are not counted: the page polls every
 * few seconds, and they create nothing.
 */
class AddressRateLimitFilter extends OncePerRequestFilter {

    private final RateLimiter limiter;
    private final ClientAddress addresses;
    private final int perMinute;

    AddressRateLimitFilter(RateLimiter limiter, ClientAddress addresses, int perMinute) {
        this.limiter = limiter;
        this.addresses = addresses;
        this.perMinute = perMinute;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RateLimiter.Verdict verdict = limiter.take("address:" + addresses.of(request), perMinute);
        if (!verdict.allowed()) {
            refuse(response, verdict.retryAfterSeconds());
            return;
        }
        chain.doFilter(request, response);
    }

    static void refuse(HttpServletResponse response, long retryAfterSeconds) throws IOException {
        byte[] body = ("{\"error\":\"" + TooManyRequests.message(retryAfterSeconds) + "\"}").getBytes(StandardCharsets.UTF_8);
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
        // The client may still be sending: we will not read the body.
        response.setHeader("Connection", "close");
        response.setContentType("application/json;charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
