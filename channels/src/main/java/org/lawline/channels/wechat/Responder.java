package org.lawline.channels.wechat;

import java.util.Optional;
import java.util.Set;
import org.lawline.channels.delivery.Subscribers;
import org.lawline.conversation.OfficeDirectory;
import org.lawline.conversation.AnswerFeedback;
import org.lawline.conversation.Conversations;
import org.lawline.conversation.InboundMessage;
import org.lawline.conversation.Reply;
import org.lawline.conversation.ReplyKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what to say to one message or event: the engine answers what citizens write; this
 * channel answers what only WeChat has (locations, media, subscriptions, the menu). Returns the
 * text to send, or empty when nothing is to be said.
 *
 * <p>An answer ends by asking whether it helped; 有用 or 没用 sent right after it is kept as the
 * verdict on that answer (and is no question for the engine). Sent after anything else, the words
 * go to the engine like any message.
 */
class Responder {

    private static final Logger log = LoggerFactory.getLogger(Responder.class);

    private final Conversations conversations;
    private final OfficeDirectory offices;
    private final Subscribers subscribers;
    private final JobReports reports;
    private final AnswerFeedback feedback;

    /** Replies that ask for a verdict: the bot's own answers, from an entry or from the law. */
    private static final Set<ReplyKind> ANSWERS = Set.of(ReplyKind.ANSWER, ReplyKind.LAW);

    Responder(Conversations conversations, OfficeDirectory offices, Subscribers subscribers, JobReports reports,
              AnswerFeedback feedback) {
        this.feedback = feedback;
        this.conversations = conversations;
        this.offices = offices;
        this.subscribers = subscribers;
        this.reports = reports;
    }

    Optional<String> respond(Inbound inbound) {
        if (inbound instanceof Inbound.Text text) {
            Optional<AnswerFeedback.Verdict> verdict = verdictIn(text.content());
            if (verdict.isPresent()
                    && feedback.giveToLastAnswer(inbound.citizen(), verdict.get(), inbound.createdAt()) == AnswerFeedback.Outcome.RECORDED) {
                log.info("WeChat feedback from {} on their last answer: {}", inbound.citizen(), verdict.get());
                return Optional.of(CitizenTexts.THANKS_FOR_FEEDBACK);
            }
            return ask(inbound, text.msgId(), text.content());
        }
        if (inbound instanceof Inbound.Voice voice) {
            return voice.recognition().isPresent()
                    ? ask(inbound, voice.msgId(), voice.recognition().get())
                    : Optional.of(CitizenTexts.VOICE_NOT_RECOGNISED);
        }
        if (inbound instanceof Inbound.Location location) {
            return Optional.of(offices.describeNearest(location.latitude(), location.longitude()));
        }
        if (inbound instanceof Inbound.Media) {
            return Optional.of(CitizenTexts.PLEASE_TYPE);
        }
        if (inbound instanceof Inbound.Event event) {
            return onEvent(event);
        }
        log.info("Ignored a WeChat message of an unknown type from {}", inbound.citizen());
        return Optional.empty();
    }

    private Optional<String> onEvent(Inbound.Event event) {
        switch (event.type()) {
            case SUBSCRIBE -> {
                subscribers.subscribed(event.citizen(), event.createdAt());
                return Optional.of(CitizenTexts.WELCOME);
            }
            case UNSUBSCRIBE -> {
                subscribers.unsubscribed(event.citizen(), event.createdAt());
                return Optional.empty();
            }
            case CLICK -> {
                return MenuKey.of(event.key()).map(key -> switch (key) {
                    case FAQ -> CitizenTexts.FAQ_MENU;
                    case LAWYER -> ask(event, event.retryKey(), CitizenTexts.ASK_FOR_LAWYER).orElse("");
                    case LEGAL_AID -> ask(event, event.retryKey(), CitizenTexts.ASK_LEGAL_AID).orElse("");
                    case CASE -> CitizenTexts.CASE_LOOKUP;
                }).filter(text -> !text.isEmpty());
            }
            case TEMPLATE_SENT, BROADCAST_SENT -> {
                reports.jobFinished(event.citizen().account(), event.type(), event.jobId(), event.status(), event.createdAt());
                return Optional.empty();
            }
            default -> {
                // VIEW opens a page in WeChat itself; other events need no answer.
                return Optional.empty();
            }
        }
    }

    private Optional<String> ask(Inbound inbound, String messageId, String text) {
        Reply reply = conversations.handle(new InboundMessage(inbound.citizen(), messageId, text, inbound.createdAt()));
        if (reply.text() == null || reply.text().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(ANSWERS.contains(reply.kind()) ? reply.text() + CitizenTexts.ASK_FOR_FEEDBACK : reply.text());
    }

    /** 有用 / 没用 alone, as a citizen types it: spaces and end punctuation aside. */
    static Optional<AnswerFeedback.Verdict> verdictIn(String text) {
        String words = text == null ? "" : text.replaceAll("[\\s。！!？?，,.~～]+", "");
        for (AnswerFeedback.Verdict verdict : AnswerFeedback.Verdict.values()) {
            if (verdict.words().equals(words)) {
                return Optional.of(verdict);
            }
        }
        return Optional.empty();
    }
}
