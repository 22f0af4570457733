package org.lawline.channels.web;

import io.lettuce.core.api.StatefulRedisConnection;
import org.lawline.conversation.SharedRedis;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import org.lawline.channels.delivery.DeliveryConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The web chat's servlet filters, each on the paths it guards only; the web's messages go through
 * the shared delivery ({@link DeliveryConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
@Import(DeliveryConfiguration.class)
@EnableConfigurationProperties(WebChatSettings.class)
public class WebChatConfiguration {

    @Bean
    WebSessions webSessions(WebChatSettings settings, JdbcClient db, ObjectProvider<Clock> clock) {
        return new WebSessions(new SessionKey(settings, db, clock.getIfAvailable(Clock::systemUTC)));
    }

    @Bean
    FilterRegistrationBean<SecurityHeadersFilter> webChatSecurityHeaders() {
        FilterRegistrationBean<SecurityHeadersFilter> registration = new FilterRegistrationBean<>(new SecurityHeadersFilter());
        // Mapped to everything and narrowed in the filter: the servlet pattern "/" would not
        // reliably match the page itself. First, so that even a refused request carries them.
        registration.addUrlPatterns("/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    RateLimiter webChatRateLimiter(WebChatSettings settings, ObjectProvider<Clock> clock,
                                   ObjectProvider<SharedRedis> redis) {
        Clock time = clock.getIfAvailable(Clock::systemUTC);
        StatefulRedisConnection<String, String> connection = redis.getIfAvailable() == null ? null : redis.getIfAvailable().connection();
        return connection == null
                ? new RateLimiter.InProcess(time)
                : new RateLimiter.InRedis(connection, settings.rateLimitKeyPrefix(), time);
    }

    @Bean
    CitizenRateLimit webChatCitizenRateLimit(RateLimiter limiter, WebChatSettings settings) {
        return new CitizenRateLimit(limiter, settings.rateLimitPerMinute());
    }

    @Bean
    FilterRegistrationBean<AddressRateLimitFilter> webChatAddressRateLimit(RateLimiter limiter, WebChatSettings settings) {
        FilterRegistrationBean<AddressRateLimitFilter> registration = new FilterRegistrationBean<>(new AddressRateLimitFilter(
                limiter, new ClientAddress(settings.trustedProxies()), settings.rateLimitPerAddressPerMinute()));
        registration.addUrlPatterns("/api/web/*");
        // Before the session check and the body: a flood costs us one counter per request.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<WebSessionFilter> webChatSessions(WebSessions sessions, WebChatSettings settings, ObjectProvider<Clock> clock) {
        PartnerSignatures partners = new PartnerSignatures(settings.partnerKeys(), clock.getIfAvailable(Clock::systemUTC));
        FilterRegistrationBean<WebSessionFilter> registration = new FilterRegistrationBean<>(new WebSessionFilter(sessions, partners));
        registration.addUrlPatterns(WebChatController.MESSAGES, WebFeedbackController.FEEDBACK, WebOfficesController.NEAREST);
        // Before the body cap: a caller without a session does not even get us to read 16 KB.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> webChatBodyLimit() {
        FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(new RequestBodyLimitFilter());
        registration.addUrlPatterns("/api/web/*");
        // Before anything that could read the body (Spring's form-content and encoding filters).
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
        return registration;
    }
}
