package org.lawline.handoff.inbox;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The inbox page at {@code /inbox}: plain HTML whose script reads the JSON API and the live stream. */
@Controller
@ConditionalOnWebApplication
class InboxPage {

    private static final Resource PAGE = new ClassPathResource("inbox/inbox.html");

    @GetMapping("/inbox")
    ResponseEntity<Resource> inbox() {
        return ResponseEntity.ok().contentType(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Security-Policy", "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'")
                .body(PAGE);
    }
}
