package org.lawline.channels.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.lawline.channels.BodyLimitFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a web chat message or poll without a valid session token (401), before its body is read
 * or parsed; a valid one leaves the citizen id it proves in the request attribute {@link #CITIZEN}
 * for the controller, which refuses a request for another id (403). A partner app's server signs
 * its requests instead ({@link PartnerSignatures}); a bad signature is a 401 too.
 */
class WebSessionFilter extends OncePerRequestFilter {

    static final String CITIZEN = "lawline.web.citizenId";

    /** A partner's body is read for its signature, under the web chat's own cap. */
    private static final BodyLimitFilter BODY_CAP = new RequestBodyLimitFilter();

    private final WebSessions sessions;
    private final PartnerSignatures partners;

    WebSessionFilter(WebSessions sessions, PartnerSignatures partners) {
        this.sessions = sessions;
        this.partners = partners;
    }

    /** Other methods get their 405 from the API as before: they carry nothing to guard. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) && !"POST".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getHeader(PartnerSignatures.PARTNER) != null) {
            partnerRequest(request, response, chain);
            return;
        }
        String citizenId;
        try {
            citizenId = sessions.citizenOf(request.getHeader("Authorization"));
        } catch (WebSessions.NotSignedIn e) {
            unauthorized(response);
            return;
        }
        request.setAttribute(CITIZEN, citizenId);
        chain.doFilter(request, response);
    }

    /** A partner app's server: the signature covers the body, so the body (capped) is read first. */
    private void partnerRequest(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<byte[]> capped = BODY_CAP.bodyWithin(request, response);
        if (capped.isEmpty()) {
            return;
        }
        byte[] body = capped.get();
        var citizenId = partners.citizenOf(request.getHeader(PartnerSignatures.PARTNER), request.getHeader(PartnerSignatures.CITIZEN),
                request.getHeader(PartnerSignatures.TIMESTAMP), request.getHeader(PartnerSignatures.SIGNATURE), body);
        if (citizenId.isEmpty()) {
            unauthorized(response);
            return;
        }
        request.setAttribute(CITIZEN, citizenId.get());
        chain.doFilter(BodyLimitFilter.withBody(request, body), response);
    }

    private static void unauthorized(HttpServletResponse response) throws IOException {
        byte[] body = ("{\"error\":\"" + new WebSessions.NotSignedIn().getMessage() + "\"}").getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", "Bearer");
        response.setContentType("application/json;charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
