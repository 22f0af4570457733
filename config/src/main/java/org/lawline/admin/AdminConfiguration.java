package org.lawline.admin;

import jakarta.servlet.MultipartConfigElement;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The admin API's guard and body caps, on its paths only. */
@Configuration(proxyBeanMethods = false)
class AdminConfiguration {

    /** Room for a multipart request's boundaries and headers beyond the file itself. */
    private static final long MULTIPART_OVERHEAD = 64 * 1024;

    @Bean
    FilterRegistrationBean<AdminTokenFilter> adminToken(AdminSettings settings, ObjectProvider<Clock> clock) {
        FilterRegistrationBean<AdminTokenFilter> registration = new FilterRegistrationBean<>(new AdminTokenFilter(settings,
                new FailedTokenAttempts(settings.failedTokenAttempts(), clock.getIfAvailable(Clock::systemUTC))));
        registration.addUrlPatterns("/api/admin/*");
        // before anything reads the body: an upload without a token is refused unread
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    @Bean
    FilterRegistrationBean<AdminJsonBodyLimitFilter> adminJsonBodyLimit(AdminSettings settings) {
        FilterRegistrationBean<AdminJsonBodyLimitFilter> registration =
                new FilterRegistrationBean<>(new AdminJsonBodyLimitFilter(settings.maxJsonBody().toBytes()));
        registration.addUrlPatterns("/api/admin/*");
        // after the token (a stranger's body is not even buffered), before anything parses it
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
        return registration;
    }

    /**
     * Multipart uploads capped by the admin's upload size, not Boot's 1 MB default: that default
     * refused every file over 1 MB that the API promises to take. Replaces Boot's own element.
     */
    @Bean
    MultipartConfigElement multipartConfigElement(AdminSettings settings) {
        long max = settings.maxUploadSize().toBytes();
        return new MultipartConfigElement(null, max, max + MULTIPART_OVERHEAD, 0);
    }
}
