package org.lawline.handoff.inbox;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The administrators' page of canned replies at {@code /admin/canned-replies}: plain HTML whose script uses the JSON API. */
@Controller
@ConditionalOnWebApplication
class CannedRepliesPage {

    private static final Resource PAGE = new ClassPathResource("inbox/canned-replies.html");

    @GetMapping("/admin/canned-replies")
    ResponseEntity<Resource> page() {
        return ResponseEntity.ok().contentType(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Security-Policy", "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'")
                .body(PAGE);
    }
}
