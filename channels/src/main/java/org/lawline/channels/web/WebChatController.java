package org.lawline.channels.web;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lawline.channels.delivery.BoundedDatabase;
import org.lawline.channels.delivery.Claim;
import org.lawline.channels.delivery.DatabaseUnavailable;
import org.lawline.channels.delivery.InboundClaims;
import org.lawline.channels.web.WebMailbox.LaterMessage;
import org.lawline.conversation.AnswerFeedback;
import org.lawline.conversation.Channel;
import org.lawline.conversation.ChannelIdentity;
import org.lawline.conversation.Conversations;
import org.lawline.conversation.InboundMessage;
import org.lawline.conversation.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web chat API. Every call carries {@code Authorization: Bearer <token>} of a session opened
 * with {@code POST /api/web/session}: {@link WebSessionFilter} refuses a call without a valid one
 * (401) before its body is read, and here a call for another citizen id is refused (403). A POST is answered in its response; what is sent later (a duty lawyer's
 * reply, a notice) is fetched with the GET, which the page polls.
 */
@RestController
@RequestMapping(WebChatController.MESSAGES)
class WebChatController {

    static final String MESSAGES = "/api/web/messages";

    /** The web chat is one account: the city's own app and page. */
    static final String ACCOUNT = "default";

    static final String INVALID_AFTER = "after 须为非负整数";

    private static final Logger log = LoggerFactory.getLogger(WebChatController.class);

    /** GET's answer: messages after the cursor, the cursor for the next poll, and the state now. */
    record LaterMessages(List<LaterMessage> messages, long next, String state) {
    }

    private final Conversations conversations;
    private final InboundClaims claims;
    private final WebMailbox mailbox;
    private final JsonMapper json;
    private final Clock clock;

    private final CitizenRateLimit citizenLimit;
    private final BoundedDatabase database;

    WebChatController(Conversations conversations, InboundClaims claims, WebMailbox mailbox, JsonMapper json, Clock clock,
                      CitizenRateLimit citizenLimit, BoundedDatabase database) {
        this.citizenLimit = citizenLimit;
        this.database = database;
        this.conversations = conversations;
        this.claims = claims;
        this.mailbox = mailbox;
        this.json = json;
        this.clock = clock;
    }

    // No `consumes`: a wrong content type then fails inside this controller, where WebChatErrors
    // answers it in JSON, rather than in handler lookup, where this package's advice is not asked.
    @PostMapping
    WebReply send(@RequestAttribute(WebSessionFilter.CITIZEN) String signedIn,
                  @RequestBody(required = false) WebMessageRequest body) {
        WebMessageRequest request = WebMessageRequest.validated(body);
        WebSessions.requireSame(signedIn, request.citizenId());
        citizenLimit.take(request.citizenId());
        if (request.messageId() == null) {
            return answer(request);
        }
        // Java 17: no pattern switch yet, hence the instanceof chain over the sealed Claim.
        // The web client repeats its POST itself, so the claim keeps nothing to answer it later from.
        Claim claim = claims.claim(web(request.citizenId()), request.messageId(), "text", Optional.empty(), clock.instant());
        if (claim instanceof Claim.Answered answered) {
            log.info("Repeated web message {}: sent the first answer again", request.messageId());
            return json.readValue(answered.answer(), WebReply.class);
        }
        if (!(claim instanceof Claim.Won won)) {
            throw new MessageInProgress();
        }
        try {
            WebReply reply = answer(request);
            claims.answered(won.ticket(), json.writeValueAsString(reply), clock.instant());
            return reply;
        } catch (RuntimeException e) {
            claims.release(won.ticket());
            throw e;
        }
    }

    @GetMapping
    LaterMessages later(@RequestAttribute(WebSessionFilter.CITIZEN) String signedIn,
                        @RequestParam(required = false) String citizenId, @RequestParam(required = false) String after) {
        ChannelIdentity citizen = web(WebMessageRequest.requireValidCitizenId(citizenId));
        WebSessions.requireSame(signedIn, citizen.citizenId());
        long afterId = cursor(after);
        List<LaterMessage> messages;
        try {
            messages = database.call(() -> mailbox.after(citizen.citizenId(), afterId));
        } catch (DatabaseUnavailable down) {
            // Every open page polls every few seconds: a database that does not answer must not
            // hold a request thread per poll. Nothing new this time; the cursor stays, so the
            // page asks again and loses nothing.
            log.warn("Web mailbox of {} not read: {}", citizen, down.getMessage());
            messages = List.of();
        }
        long next = messages.isEmpty() ? afterId : messages.get(messages.size() - 1).id();
        return new LaterMessages(messages, next, conversations.stateOf(citizen).name());
    }

    private WebReply answer(WebMessageRequest request) {
        ChannelIdentity citizen = web(request.citizenId());
        // Our own id for the engine: a client's messageId is only unique for that client.
        String messageId = UUID.randomUUID().toString();
        Reply reply = conversations.handle(new InboundMessage(citizen, messageId, request.text(), clock.instant()));
        log.info("Web message {} from {} answered: kind={}, state={}",
                messageId, citizen, reply.kind().wireName(), reply.state());
        return WebReply.of(reply, AnswerFeedback.turnAnswering(citizen, messageId));
    }

    private static ChannelIdentity web(String citizenId) {
        return new ChannelIdentity(Channel.WEB, ACCOUNT, citizenId);
    }

    private static long cursor(String after) {
        if (after == null || after.isEmpty()) {
            return 0;
        }
        try {
            long value = Long.parseLong(after);
            if (value < 0) {
                throw new InvalidWebRequest(INVALID_AFTER);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new InvalidWebRequest(INVALID_AFTER);
        }
    }
}
