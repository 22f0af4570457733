package org.lawline.channels.web;

import org.lawline.conversation.Channel;
import org.lawline.conversation.ChannelIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Opens a web citizen's session: {@code POST /api/web/session} answers
 * {@code {"citizenId", "token"}}. The page keeps both in its storage and sends the token as
 * {@code Authorization: Bearer} with every message and poll.
 */
@RestController
class WebSessionController {

    static final String SESSION = "/api/web/session";

    private static final Logger log = LoggerFactory.getLogger(WebSessionController.class);

    private final WebSessions sessions;

    WebSessionController(WebSessions sessions) {
        this.sessions = sessions;
    }

    @PostMapping(SESSION)
    WebSessions.Session open() {
        WebSessions.Session session = sessions.open();
        log.info("Opened a web session for {}", new ChannelIdentity(Channel.WEB, WebChatController.ACCOUNT, session.citizenId()));
        return session;
    }
}
