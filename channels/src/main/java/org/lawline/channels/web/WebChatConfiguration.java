package org.lawline.channels.web;

import org.lawline.channels.delivery.DeliveryConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

/**
 * The web chat's servlet filters, each on the paths it guards only; the web's messages go through
 * the shared delivery ({@link DeliveryConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
@Import(DeliveryConfiguration.class)
public class WebChatConfiguration {

    @Bean
    FilterRegistrationBean<SecurityHeadersFilter> webChatSecurityHeaders() {
        FilterRegistrationBean<SecurityHeadersFilter> registration = new FilterRegistrationBean<>(new SecurityHeadersFilter());
        // Mapped to everything and narrowed in the filter: the servlet pattern "/" would not
        // reliably match the page itself. First, so that even a refused request carries them.
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> webChatBodyLimit() {
        FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(new RequestBodyLimitFilter());
        registration.addUrlPatterns("/api/web/*");
        // Before anything that could read the body (Spring's form-content and encoding filters).
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
