package org.lawline.channels.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class AddressRateLimitFilterTest {

    private static final String PROXY = "10.0.0.5";

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-04T10:15:50Z"));
    private final AddressRateLimitFilter filter = new AddressRateLimitFilter(
            new RateLimiter.InProcess(clock), new ClientAddress(List.of(PROXY)), 120);

    @Test
    void theHundredAndTwentyFirstPostFromOneAddressInAMinuteIs429WithRetryAfterInChinese() throws Exception {
        for (int i = 0; i < 120; i++) {
            assertThat(post("203.0.113.7", null).getStatus()).as("request %d", i + 1).isEqualTo(200);
        }
        MockHttpServletResponse refused = post("203.0.113.7", null);

        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("10");
        assertThat(refused.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("{\"error\":\"发送过于频繁，请10秒后再试\"}");
        assertThat(post("203.0.113.8", null).getStatus()).as("another address").isEqualTo(200);
    }

    @Test
    void pollsAreNotCounted() throws Exception {
        for (int i = 0; i < 200; i++) {
            MockHttpServletRequest poll = new MockHttpServletRequest("GET", "/api/web/messages");
            poll.setRemoteAddr("203.0.113.9");
            MockHttpServletResponse response = new MockHttpServletResponse();
            filter.doFilter(poll, response, new MockFilterChain());
            assertThat(response.getStatus()).isEqualTo(200);
        }
    }

    @Test
    void aForwardedAddressFromAnyoneButATrustedProxyIsIgnored() throws Exception {
        // A client that writes a new X-Forwarded-For each time still spends its own allowance.
        for (int i = 0; i < 120; i++) {
            post("198.51.100.1", "192.0.2." + i);
        }
        assertThat(post("198.51.100.1", "192.0.2.250").getStatus()).isEqualTo(429);
    }

    @Test
    void behindATrustedProxyEachForwardedClientHasItsOwnAllowance() throws Exception {
        for (int i = 0; i < 120; i++) {
            post(PROXY, "198.51.100.2");
        }
        assertThat(post(PROXY, "198.51.100.2").getStatus()).isEqualTo(429);
        assertThat(post(PROXY, "198.51.100.3").getStatus()).isEqualTo(200);
        // what the client wrote itself comes first; the proxy appends what it saw
        assertThat(post(PROXY, "198.51.100.3, 198.51.100.2").getStatus()).isEqualTo(429);
    }

    private MockHttpServletResponse post(String remote, String forwardedFor) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/web/messages");
        request.setRemoteAddr(remote);
        if (forwardedFor != null) {
            request.addHeader("X-Forwarded-For", forwardedFor);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
