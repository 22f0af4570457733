package org.lawline.channels.web;

import java.time.Clock;
import java.util.regex.Pattern;
import org.lawline.conversation.AnswerFeedback;
import org.lawline.conversation.Channel;
import org.lawline.conversation.ChannelIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/web/feedback}: 有用 / 没用 under one of the bot's answers. Closed like the rest
 * of the web chat: the session's token (or a partner signature) is checked by
 * {@link WebSessionFilter} before the body is read, and a citizen can only judge their own answers
 * (another's, or an id no answer has: 404). Sending the same verdict again changes nothing.
 */
@RestController
class WebFeedbackController {

    static final String FEEDBACK = "/api/web/feedback";

    static final String INVALID_TURN_ID = "turnId 无效：须为回答附带的 turnId";
    static final String INVALID_VERDICT = "verdict 只能是 useful 或 not_useful";
    static final String NO_SUCH_ANSWER = "找不到这条回答";

    /** Turn ids are UUIDs, as {@link AnswerFeedback#turnAnswering} makes them. */
    private static final Pattern TURN_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private static final Logger log = LoggerFactory.getLogger(WebFeedbackController.class);

    /** The body: whose answer, which, and the verdict ({@code useful} or {@code not_useful}). */
    record FeedbackRequest(String citizenId, String turnId, String verdict) {
    }

    /** The answer: the verdict now kept for the turn. */
    record FeedbackKept(String turnId, String verdict) {
    }

    private final AnswerFeedback feedback;
    private final Clock clock;

    WebFeedbackController(AnswerFeedback feedback, Clock clock) {
        this.feedback = feedback;
        this.clock = clock;
    }

    @PostMapping(FEEDBACK)
    FeedbackKept give(@RequestAttribute(WebSessionFilter.CITIZEN) String signedIn,
                      @RequestBody(required = false) FeedbackRequest body) {
        if (body == null) {
            throw new InvalidWebRequest(WebChatErrors.UNREADABLE_BODY);
        }
        String citizenId = WebMessageRequest.requireValidCitizenId(body.citizenId());
        WebSessions.requireSame(signedIn, citizenId);
        if (body.turnId() == null || !TURN_ID.matcher(body.turnId()).matches()) {
            throw new InvalidWebRequest(INVALID_TURN_ID);
        }
        AnswerFeedback.Verdict verdict = AnswerFeedback.Verdict.ofWireName(body.verdict())
                .orElseThrow(() -> new InvalidWebRequest(INVALID_VERDICT));
        ChannelIdentity citizen = new ChannelIdentity(Channel.WEB, WebChatController.ACCOUNT, citizenId);
        if (feedback.give(citizen, body.turnId(), verdict, clock.instant()) == AnswerFeedback.Outcome.NO_SUCH_ANSWER) {
            throw new NoSuchAnswer();
        }
        log.info("Web feedback on turn {} from {}: {}", body.turnId(), citizen, verdict);
        return new FeedbackKept(body.turnId(), verdict.wireName());
    }

    /** 404: the turn is not one of this citizen's answers. */
    static final class NoSuchAnswer extends RuntimeException {
        NoSuchAnswer() {
            super(NO_SUCH_ANSWER, null, false, false);
        }
    }
}
