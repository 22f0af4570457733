package org.lawline.channels.web;

import org.lawline.conversation.Channel;
import org.lawline.conversation.ChannelIdentity;
import org.lawline.conversation.Conversations;
import org.lawline.conversation.OfficeDirectory;
import org.lawline.conversation.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The legal-service offices nearest the citizen's position, which the page sends only after the
 * citizen agreed to share it (and the browser asked too): the web chat's counterpart of a
 * location message on WeChat, answered from the same directory, outside the dialog as there.
 * Closed like the messages: a session's bearer token (or a partner's signature) for the
 * {@code citizenId} in the body, the per-citizen limit. The position is used for this answer
 * and kept nowhere, not even in the log.
 */
@RestController
class WebOfficesController {

    static final String NEAREST = "/api/web/offices/nearest";

    private static final Logger log = LoggerFactory.getLogger(WebOfficesController.class);

    private final Conversations conversations;
    private final CitizenRateLimit citizenLimit;
    private final OfficeDirectory offices = OfficeDirectory.bundled();

    WebOfficesController(Conversations conversations, CitizenRateLimit citizenLimit) {
        this.conversations = conversations;
        this.citizenLimit = citizenLimit;
    }

    @PostMapping(NEAREST)
    WebReply nearest(@RequestAttribute(WebSessionFilter.CITIZEN) String signedIn, @RequestBody(required = false) WebPosition body) {
        WebPosition position = WebPosition.validated(body);
        WebSessions.requireSame(signedIn, position.citizenId());
        citizenLimit.take(position.citizenId());
        ChannelIdentity citizen = new ChannelIdentity(Channel.WEB, WebChatController.ACCOUNT, position.citizenId());
        Reply.Offices reply = offices.nearest(position.latitude(), position.longitude(), conversations.stateOf(citizen));
        log.info("Web position from {} answered with {} offices", citizen, reply.offices().size());
        return WebReply.of(reply);
    }
}
