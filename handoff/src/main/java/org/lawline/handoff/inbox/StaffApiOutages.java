package org.lawline.handoff.inbox;

import io.lettuce.core.RedisException;
import org.lawline.conversation.ConversationStoreUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The staff API's answer when what it stands on is out: the database, Redis or the conversation
 * store. A lawyer who claims a chat while both the database and Redis are down must read that
 * the system is unavailable for a moment and may try again — not an "Internal Server Error" that
 * says nothing and looks like a bug — and a script must be told to retry (503 and Retry-After),
 * not that its request was wrong.
 */
@RestControllerAdvice(basePackages = "org.lawline.handoff")
class StaffApiOutages {

    private static final Logger log = LoggerFactory.getLogger(StaffApiOutages.class);
    /** Long enough for the Redis breaker's first probe, short enough that a lawyer is not kept waiting. */
    static final String RETRY_AFTER_SECONDS = "5";
    static final String MESSAGE = "系统暂时无法访问数据，请稍后重试";

    @ExceptionHandler({DataAccessException.class, RedisException.class, ConversationStoreUnavailable.class})
    ResponseEntity<InboxViews.Error> unavailable(RuntimeException e) {
        // the exception's class only: its message may quote SQL with a citizen's number in it
        log.warn("A staff request found its storage out ({}); answered 503", e.getClass().getSimpleName());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(new InboxViews.Error(MESSAGE));
    }
}
