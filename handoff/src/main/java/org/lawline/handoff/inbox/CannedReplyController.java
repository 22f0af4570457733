package org.lawline.handoff.inbox;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Canned replies under {@code /api/inbox/canned-replies}: lawyers read them to insert into a
 * reply, administrators add, change and remove them (the security configuration says who).
 */
@RestController
@ConditionalOnWebApplication
@RequestMapping(path = "/api/inbox/canned-replies", produces = MediaType.APPLICATION_JSON_VALUE)
class CannedReplyController {

    private static final Logger log = LoggerFactory.getLogger(CannedReplyController.class);
    /** A title fits on one line of the picker. */
    static final int MAX_TITLE_LENGTH = 60;
    /** A canned reply is a reply: no longer than a lawyer may send. */
    static final int MAX_TEXT_LENGTH = InboxController.MAX_REPLY_LENGTH;
    /** Title and text with room for JSON escapes; anything bigger is not a canned reply. */
    private static final long MAX_BODY_BYTES = 16 * 1024;

    private final CannedReplies replies;
    private final Clock clock;

    CannedReplyController(CannedReplies replies, Clock clock) {
        this.replies = replies;
        this.clock = clock;
    }

    record CannedReplyView(long id, String title, String text, String updatedBy, String updatedAt) {
    }

    record CannedReplyList(List<CannedReplyView> cannedReplies) {
    }

    @GetMapping
    CannedReplyList all() {
        return new CannedReplyList(replies.all().stream().map(CannedReplyController::view).toList());
    }

    @PostMapping
    ResponseEntity<?> add(@RequestBody(required = false) Map<String, Object> body, Principal user, HttpServletRequest request) {
        Optional<ResponseEntity<?>> refused = refusal(body, request);
        if (refused.isPresent()) {
            return refused.get();
        }
        CannedReplies.CannedReply added = replies.add(title(body), text(body), user.getName(), clock.instant());
        log.info("{} added canned reply {}", user.getName(), added.id());
        return ResponseEntity.status(HttpStatus.CREATED).body(view(added));
    }

    @PutMapping("/{id}")
    ResponseEntity<?> change(@PathVariable long id, @RequestBody(required = false) Map<String, Object> body, Principal user,
                             HttpServletRequest request) {
        Optional<ResponseEntity<?>> refused = refusal(body, request);
        if (refused.isPresent()) {
            return refused.get();
        }
        return replies.change(id, title(body), text(body), user.getName(), clock.instant())
                .<ResponseEntity<?>>map(changed -> {
                    log.info("{} changed canned reply {}", user.getName(), id);
                    return ResponseEntity.ok(view(changed));
                })
                .orElseGet(CannedReplyController::notFound);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<?> remove(@PathVariable long id, Principal user) {
        if (!replies.remove(id)) {
            return notFound();
        }
        log.info("{} removed canned reply {}", user.getName(), id);
        return ResponseEntity.noContent().build();
    }

    private static Optional<ResponseEntity<?>> refusal(Map<String, Object> body, HttpServletRequest request) {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            return Optional.of(ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(new InboxViews.Error("内容过长")));
        }
        String title = title(body);
        String text = text(body);
        if (title.isEmpty() || text.isEmpty()) {
            return Optional.of(ResponseEntity.badRequest().body(new InboxViews.Error("标题和内容都不能为空")));
        }
        if (title.codePointCount(0, title.length()) > MAX_TITLE_LENGTH) {
            return Optional.of(ResponseEntity.badRequest().body(new InboxViews.Error("标题不能超过 " + MAX_TITLE_LENGTH + " 个字")));
        }
        if (text.codePointCount(0, text.length()) > MAX_TEXT_LENGTH) {
            return Optional.of(ResponseEntity.badRequest().body(new InboxViews.Error("内容不能超过 " + MAX_TEXT_LENGTH + " 个字")));
        }
        return Optional.empty();
    }

    private static String title(Map<String, Object> body) {
        return body != null && body.get("title") instanceof String s ? s.strip() : "";
    }

    private static String text(Map<String, Object> body) {
        return body != null && body.get("text") instanceof String s ? s.strip() : "";
    }

    private static CannedReplyView view(CannedReplies.CannedReply reply) {
        return new CannedReplyView(reply.id(), reply.title(), reply.text(), reply.updatedBy(), InboxViews.time(reply.updatedAt()));
    }

    private static ResponseEntity<?> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new InboxViews.Error("没有这条常用回复"));
    }
}
