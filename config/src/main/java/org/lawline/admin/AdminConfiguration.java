package org.lawline.admin;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The admin API's guard, on its paths only. */
@Configuration(proxyBeanMethods = false)
class AdminConfiguration {

    @Bean
    FilterRegistrationBean<AdminTokenFilter> adminToken(AdminSettings settings) {
        FilterRegistrationBean<AdminTokenFilter> registration = new FilterRegistrationBean<>(new AdminTokenFilter(settings));
        registration.addUrlPatterns("/api/admin/*");
        // before anything reads the body: an upload without a token is refused unread
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }
}
