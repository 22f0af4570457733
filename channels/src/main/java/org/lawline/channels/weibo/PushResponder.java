package org.lawline.channels.weibo;

import java.util.Optional;
import org.lawline.channels.delivery.Subscribers;
import org.lawline.conversation.OfficeDirectory;
import org.lawline.conversation.Conversations;
import org.lawline.conversation.InboundMessage;
import org.lawline.conversation.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What to say to one push: the engine answers what followers write (and a mention's text); this
 * channel answers what only Weibo sends: follows, menu clicks, positions, voice and images.
 * Empty when nothing is to be said.
 */
final class PushResponder {

    private static final Logger log = LoggerFactory.getLogger(PushResponder.class);

    private final Conversations conversations;
    private final OfficeDirectory offices;
    private final Subscribers subscribers;

    PushResponder(Conversations conversations, OfficeDirectory offices, Subscribers subscribers) {
        this.conversations = conversations;
        this.offices = offices;
        this.subscribers = subscribers;
    }

    Optional<String> answer(Push push) {
        if (push instanceof Push.Event event) {
            return onEvent(event);
        }
        Optional<String> said = Optional.empty();
        if (push instanceof Push.Text text) {
            said = engine(push, text.text());
        } else if (push instanceof Push.Mention mention) {
            said = engine(push, mention.text());
        } else if (push instanceof Push.Position position) {
            said = Optional.of(offices.describeNearest(position.latitude(), position.longitude()));
        } else if (push instanceof Push.Media) {
            said = Optional.of(FollowerTexts.PLEASE_WRITE);
        } else {
            log.info("A Weibo push of a type we do not know ({}) from {}: recorded, not answered", push.kind(), push.follower());
        }
        return said;
    }

    private Optional<String> onEvent(Push.Event event) {
        if (event.subtype().joins()) {
            subscribers.subscribed(event.follower(), event.origin().createdAt());
            return Optional.of(FollowerTexts.WELCOME);
        }
        if (event.subtype().leaves()) {
            subscribers.unsubscribed(event.follower(), event.origin().createdAt());
            return Optional.empty();
        }
        if (event.subtype() != Push.Subtype.CLICK) {
            // a scan of a follower, a VIEW button (Weibo opens the page itself): nothing to say
            return Optional.empty();
        }
        return MenuAction.forKey(event.key()).flatMap(action -> switch (action) {
            case COMMON_QUESTIONS -> Optional.of(FollowerTexts.COMMON_QUESTIONS);
            case FIND_A_LAWYER -> engine(event, FollowerTexts.LAWYER_PLEASE);
            case LEGAL_AID -> engine(event, FollowerTexts.LEGAL_AID_PLEASE);
        });
    }

    private Optional<String> engine(Push push, String words) {
        if (words.isBlank()) {
            return Optional.of(FollowerTexts.PLEASE_WRITE);
        }
        Reply reply = conversations.handle(new InboundMessage(push.follower(), push.origin().claimKey(), words, push.origin().createdAt()));
        return Optional.ofNullable(reply.text()).filter(text -> !text.isBlank());
    }
}
