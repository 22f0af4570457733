package org.lawline.admin;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

class AdminTokenFilterTest {

    private static final String TOKEN = "s3cret-" + "s".repeat(33);

    @Test
    void withoutAConfiguredTokenTheAdminApiIsOff() throws Exception {
        MockHttpServletResponse response = filter(AdminSettings.of("", DataSize.ofMegabytes(10)), "Bearer anything");

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getContentAsString()).contains("管理接口未启用");
    }

    @Test
    void theRightTokenPasses() throws Exception {
        assertThat(filter(AdminSettings.of(TOKEN, DataSize.ofMegabytes(10)), "Bearer " + TOKEN).getStatus()).isEqualTo(200);
        assertThat(filter(AdminSettings.of(TOKEN, DataSize.ofMegabytes(10)), "bearer " + TOKEN).getStatus()).isEqualTo(200);
    }

    @Test
    void anotherTokenOrSchemeIsUnauthorized() throws Exception {
        AdminSettings settings = AdminSettings.of(TOKEN, DataSize.ofMegabytes(10));

        assertThat(filter(settings, "Bearer ssssssssssssssssssssssssssssssssssssssss2").getStatus()).isEqualTo(401);
        assertThat(filter(settings, "Basic czNjcmV0").getStatus()).isEqualTo(401);
        assertThat(filter(settings, null).getStatus()).isEqualTo(401);
        assertThat(filter(settings, "Bearer ").getHeader("WWW-Authenticate")).isEqualTo("Bearer");
    }

    @Test
    void theSettingsNeverPrintTheToken() {
        assertThat(AdminSettings.of(TOKEN, DataSize.ofMegabytes(10)).toString()).doesNotContain(TOKEN);
    }

    private static MockHttpServletResponse filter(AdminSettings settings, String authorization) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/admin/entries");
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        new AdminTokenFilter(settings, new FailedTokenAttempts(10, Clock.systemUTC())).doFilter(request, response, new MockFilterChain());
        return response;
    }

    @Test
    void aTokenShorterThan32CharactersStopsTheStart() {
        assertThatThrownBy(() -> AdminSettings.of("s".repeat(31), DataSize.ofMegabytes(10)))
                .hasMessageContaining("LAWLINE_ADMIN_TOKEN").hasMessageContaining("32");
        assertThat(AdminSettings.of("s".repeat(32), DataSize.ofMegabytes(10)).enabled()).isTrue();
    }

    @Test
    void afterTenWrongTokensAnAddressWaitsOutTheMinuteEvenWithTheRightOne() throws Exception {
        String token = "t".repeat(40);
        Clock clock = Clock.fixed(Instant.parse("2026-12-04T10:15:45Z"), ZoneOffset.UTC);
        AdminTokenFilter filter = new AdminTokenFilter(AdminSettings.of(token, DataSize.ofMegabytes(10)),
                new FailedTokenAttempts(10, clock));
        for (int i = 0; i < 10; i++) {
            assertThat(call(filter, "203.0.113.5", "Bearer guess-" + i).getStatus()).isEqualTo(401);
        }

        MockHttpServletResponse throttled = call(filter, "203.0.113.5", "Bearer " + token);
        assertThat(throttled.getStatus()).isEqualTo(429);
        assertThat(throttled.getHeader("Retry-After")).isEqualTo("15");
        assertThat(throttled.getContentAsString()).contains("管理令牌错误次数过多，请15秒后再试");
        assertThat(call(filter, "203.0.113.6", "Bearer " + token).getStatus()).as("another address").isEqualTo(200);
    }

    private static MockHttpServletResponse call(AdminTokenFilter filter, String address, String authorization) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/admin/entries");
        request.setRemoteAddr(address);
        request.addHeader("Authorization", authorization);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
