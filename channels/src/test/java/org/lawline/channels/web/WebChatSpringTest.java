package org.lawline.channels.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * One Spring context for every web chat test class: a real server on a random port (for the
 * browser) with MockMvc beside it (for the API), so the context is started once and cached.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
// Every test's requests come from 127.0.0.1: the per-address limit is proven by its own tests
// (AddressRateLimitFilterTest) and would otherwise cut the shared context's tests short.
@SpringBootTest(classes = WebChatTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"lawline.web.rate-limit-per-address-per-minute=1000000",
                "lawline.web.partner-keys.app=" + PartnerSignaturesTest.KEY})
@AutoConfigureMockMvc
@interface WebChatSpringTest {
}
