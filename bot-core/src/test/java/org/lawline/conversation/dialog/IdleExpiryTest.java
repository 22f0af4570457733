package org.lawline.conversation.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.lawline.conversation.Channel;
import org.lawline.conversation.ChannelIdentity;
import org.lawline.conversation.DialogSettings;
import org.lawline.conversation.DialogState;
import org.lawline.conversation.EscalationCancelled;
import org.lawline.conversation.InboundMessage;
import org.lawline.conversation.LegalAidSettings;
import org.lawline.conversation.Reply;
import org.lawline.conversation.ReplyComposed;
import org.lawline.conversation.ReplyKind;
import org.lawline.conversation.state.InMemoryConversationStore;
import org.lawline.conversation.state.StoreTurns;
import org.lawline.conversation.transcript.Transcripts;

/** An idle conversation returns to the bot — unless a duty lawyer holds it. Time is a clock the test moves. */
class IdleExpiryTest {

    private final ChannelIdentity citizen = new ChannelIdentity(Channel.WECHAT, "gh_lawline", "oIdle123456789");
    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T08:00:00Z"));
    private final List<Object> published = new ArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private ConversationEngine engine = engine(DialogSettings.defaults());

    @Test
    void pendingChoicesAreForgottenAfterThirtyIdleMinutes() {
        say(Fixtures.CLOSE_QUESTION);
        clock.advance(Duration.ofMinutes(30));

        assertThat(engine.stateOf(citizen)).isEqualTo(DialogState.BOT);
        Reply reply = say("1");
        assertThat(reply.kind()).as("the number no longer picks").isEqualTo(ReplyKind.NO_ANSWER);
        assertThat(reply.state()).isEqualTo(DialogState.BOT);
    }

    @Test
    void aConversationActiveWithinTheTimeoutKeepsItsState() {
        say(Fixtures.CLOSE_QUESTION);
        clock.advance(Duration.ofMinutes(29));

        assertThat(engine.stateOf(citizen)).isEqualTo(DialogState.CLARIFYING);
        assertThat(say("1").kind()).isEqualTo(ReplyKind.ANSWER);
    }

    @Test
    void anIdleQueueIsLeft_andHandoffIsTold() {
        say("人工");
        clock.advance(Duration.ofMinutes(45));
        published.clear();

        assertThat(engine.stateOf(citizen)).isEqualTo(DialogState.BOT);
        assertThat(published).as("reading the state changes nothing").isEmpty();
        Reply reply = say(Fixtures.CLEAR_QUESTION);

        assertThat(reply.state()).isEqualTo(DialogState.BOT);
        assertThat(published).extracting(Object::getClass).containsExactly(ReplyComposed.class, EscalationCancelled.class);
        assertThat(engine.lawyerClaimed(citizen, "lawyer-1")).as("too late to claim").isEmpty();
    }

    @Test
    void anIdlePreCheckIsForgotten_soAYesIsNoLongerAnAnswerToIt() {
        say("我能申请法律援助吗");
        clock.advance(Duration.ofHours(1));

        Reply reply = say("是");

        assertThat(reply.state()).isEqualTo(DialogState.BOT);
        assertThat(reply.kind()).as("not the next question of the pre-check").isNotEqualTo(ReplyKind.PROMPT);
    }

    @Test
    void aConversationWithALawyerNeverExpires_andTheBotStaysSilent() {
        say("人工");
        engine.lawyerClaimed(citizen, "lawyer-3");
        clock.advance(Duration.ofHours(3));

        assertThat(engine.stateOf(citizen)).isEqualTo(DialogState.WITH_LAWYER);
        assertThat(say(Fixtures.CLEAR_QUESTION)).isEqualTo(new Reply.Relayed(DialogState.WITH_LAWYER));
        assertThat(engine.lawyerClosed(citizen)).get().extracting(Reply::state).isEqualTo(DialogState.CLOSED);
    }

    @Test
    void theTimeoutIsASetting() {
        engine = engine(DialogSettings.defaults().withIdleTimeout(Duration.ofMinutes(5)));
        say(Fixtures.CLOSE_QUESTION);
        clock.advance(Duration.ofMinutes(4));
        assertThat(engine.stateOf(citizen)).isEqualTo(DialogState.CLARIFYING);

        clock.advance(Duration.ofMinutes(1));

        assertThat(engine.stateOf(citizen)).isEqualTo(DialogState.BOT);
    }

    private Reply say(String text) {
        return engine.handle(new InboundMessage(citizen, "m" + ids.incrementAndGet(), text, clock.instant()));
    }

    private ConversationEngine engine(DialogSettings settings) {
        InMemoryConversationStore store = new InMemoryConversationStore(clock, Duration.ofHours(24), 100);
        return new ConversationEngine(Fixtures.knowledgeBase(), store, new StoreTurns(store), published::add, settings,
                LegalAidSettings.defaults(), clock, Transcripts.NONE);
    }
}
