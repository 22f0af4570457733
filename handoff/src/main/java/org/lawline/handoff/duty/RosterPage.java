package org.lawline.handoff.duty;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The administrators' duty roster page at {@code /admin/roster} (ADMIN only, as every
 * {@code /admin/} page): plain HTML whose script reads and edits {@code /api/inbox/roster}.
 */
@Controller
@ConditionalOnWebApplication
class RosterPage {

    private static final Resource PAGE = new ClassPathResource("roster/roster.html");

    @GetMapping("/admin/roster")
    ResponseEntity<Resource> roster() {
        return ResponseEntity.ok().contentType(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Security-Policy", "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'")
                .body(PAGE);
    }
}
