package org.lawline.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

class AdminTokenFilterTest {

    @Test
    void withoutAConfiguredTokenTheAdminApiIsOff() throws Exception {
        MockHttpServletResponse response = filter(new AdminSettings("", DataSize.ofMegabytes(10)), "Bearer anything");

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getContentAsString()).contains("管理接口未启用");
    }

    @Test
    void theRightTokenPasses() throws Exception {
        assertThat(filter(new AdminSettings("s3cret", DataSize.ofMegabytes(10)), "Bearer s3cret").getStatus()).isEqualTo(200);
        assertThat(filter(new AdminSettings("s3cret", DataSize.ofMegabytes(10)), "bearer s3cret").getStatus()).isEqualTo(200);
    }

    @Test
    void anotherTokenOrSchemeIsUnauthorized() throws Exception {
        AdminSettings settings = new AdminSettings("s3cret", DataSize.ofMegabytes(10));

        assertThat(filter(settings, "Bearer s3cret2").getStatus()).isEqualTo(401);
        assertThat(filter(settings, "Basic czNjcmV0").getStatus()).isEqualTo(401);
        assertThat(filter(settings, null).getStatus()).isEqualTo(401);
        assertThat(filter(settings, "Bearer ").getHeader("WWW-Authenticate")).isEqualTo("Bearer");
    }

    @Test
    void theSettingsNeverPrintTheToken() {
        assertThat(new AdminSettings("s3cret", DataSize.ofMegabytes(10)).toString()).doesNotContain("s3cret");
    }

    private static MockHttpServletResponse filter(AdminSettings settings, String authorization) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/admin/entries");
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        new AdminTokenFilter(settings).doFilter(request, response, new MockFilterChain());
        return response;
    }
}
