package org.lawline.conversation.dialog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lawline.conversation.DialogState.BOT;
import static org.lawline.conversation.DialogState.CALLBACK;
import static org.lawline.conversation.DialogState.CHECKING_ELIGIBILITY;
import static org.lawline.conversation.DialogState.CLARIFYING;
import static org.lawline.conversation.DialogState.CLOSED;
import static org.lawline.conversation.DialogState.COLLECTING_PHONE;
import static org.lawline.conversation.DialogState.QUEUED;
import static org.lawline.conversation.DialogState.WITH_LAWYER;
import static org.lawline.conversation.ReplyKind.ANSWER;
import static org.lawline.conversation.ReplyKind.ARTICLES;
import static org.lawline.conversation.ReplyKind.ASSESSMENT;
import static org.lawline.conversation.ReplyKind.CHOICES;
import static org.lawline.conversation.ReplyKind.EMERGENCY;
import static org.lawline.conversation.ReplyKind.GREETING;
import static org.lawline.conversation.ReplyKind.HANDOFF;
import static org.lawline.conversation.ReplyKind.NO_ANSWER;
import static org.lawline.conversation.ReplyKind.PROMPT;
import static org.lawline.conversation.ReplyKind.RATING;
import static org.lawline.conversation.ReplyKind.REFERRAL;
import static org.lawline.conversation.ReplyKind.RELAYED;
import static org.lawline.conversation.dialog.Fixtures.CLEAR_QUESTION;
import static org.lawline.conversation.dialog.Fixtures.CLOSE_QUESTION;
import static org.lawline.conversation.dialog.Fixtures.CUSTODY_QUESTION;
import static org.lawline.conversation.dialog.Fixtures.UNKNOWN_QUESTION;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lawline.conversation.CallbackNumberConfirmed;
import org.lawline.conversation.Channel;
import org.lawline.conversation.ChannelIdentity;
import org.lawline.conversation.CitizenWroteToLawyer;
import org.lawline.conversation.ConversationClosed;
import org.lawline.conversation.DialogSettings;
import org.lawline.conversation.DialogState;
import org.lawline.conversation.EscalationCancelled;
import org.lawline.conversation.EscalationRequested;
import org.lawline.conversation.InboundMessage;
import org.lawline.conversation.LegalAidSettings;
import org.lawline.conversation.MobileNumber;
import org.lawline.conversation.Reply;
import org.lawline.conversation.ReplyComposed;
import org.lawline.conversation.ReplyKind;
import org.lawline.conversation.state.InMemoryConversationStore;
import org.lawline.conversation.state.StoreTurns;
import org.lawline.conversation.transcript.Transcripts;

/**
 * The dialog's transition table, row by row, driven through the engine as channels and handoff
 * drive it: a state reached by real messages and commands, one more message or command, then the
 * reply's kind, the state saved, and the events published, in order. {@code !claim},
 * {@code !close} and {@code !timeout} are handoff's commands; a row whose kind is null expects the
 * command to be refused.
 */
class DialogTransitionTableTest {

    private static final String LEGAL_AID = "我能申请法律援助吗";
    private static final String DANGER = "他正在打我";
    private static final String SHOW_ARTICLES = "查看法条";
    private static final List<String> CLARIFYING_ = List.of(CLOSE_QUESTION);
    private static final List<String> QUEUED_ = List.of("人工");
    private static final List<String> WITH_LAWYER_ = List.of("人工", "!claim");
    private static final List<String> COLLECTING_PHONE_ = List.of("人工", "!timeout");
    private static final List<String> NUMBER_READ_BACK = List.of("人工", "!timeout", "13800138000");
    private static final List<String> CALLBACK_ = List.of("人工", "!timeout", "13800138000", "是");
    private static final List<String> CHECKING_ = List.of(LEGAL_AID);
    private static final List<String> ASKED_INCOME = List.of(LEGAL_AID, "是");
    private static final List<String> ASKED_MATTER = List.of(LEGAL_AID, "是", "1800");
    private static final List<String> CLOSED_ = List.of("人工", "!claim", "!close");

    static Stream<Arguments> table() {
        return Stream.of(
                // BOT
                row(List.of(), CLEAR_QUESTION, ANSWER, BOT),
                row(List.of(), CLOSE_QUESTION, CHOICES, CLARIFYING),
                row(List.of(), UNKNOWN_QUESTION, NO_ANSWER, BOT),
                row(List.of(UNKNOWN_QUESTION), UNKNOWN_QUESTION + "？", NO_ANSWER, BOT),
                row(List.of(), "1", NO_ANSWER, BOT),
                row(List.of(), "转人工", HANDOFF, QUEUED, EscalationRequested.class),
                row(List.of(), "取消", GREETING, BOT),
                row(List.of(), "结束", GREETING, BOT),
                row(List.of(), "你好", GREETING, BOT),
                row(List.of(), "小区路灯坏了没人修", REFERRAL, BOT),
                row(List.of(), "😭😭🙏", NO_ANSWER, BOT),
                row(List.of(), DANGER, EMERGENCY, BOT),
                row(List.of(), LEGAL_AID, PROMPT, CHECKING_ELIGIBILITY),
                row(List.of(), SHOW_ARTICLES, ARTICLES, BOT),
                row(List.of(CLEAR_QUESTION), SHOW_ARTICLES, ARTICLES, BOT),
                row(List.of(), "!claim", null, BOT),
                row(List.of(), "!timeout", null, BOT),
                row(List.of(), "!close", null, BOT),
                // CLARIFYING
                row(CLARIFYING_, "1", ANSWER, BOT),
                row(CLARIFYING_, "4", CHOICES, CLARIFYING),
                row(CLARIFYING_, CUSTODY_QUESTION, ANSWER, BOT),
                row(CLARIFYING_, CLOSE_QUESTION, CHOICES, CLARIFYING),
                row(CLARIFYING_, UNKNOWN_QUESTION, NO_ANSWER, BOT),
                row(CLARIFYING_, "取消", GREETING, BOT),
                row(CLARIFYING_, "人工", HANDOFF, QUEUED, EscalationRequested.class),
                row(CLARIFYING_, "救命啊，他拿刀砍我", EMERGENCY, BOT),
                row(CLARIFYING_, "谢谢", GREETING, BOT),
                row(CLARIFYING_, LEGAL_AID, PROMPT, CHECKING_ELIGIBILITY),
                row(CLARIFYING_, SHOW_ARTICLES, ARTICLES, CLARIFYING),
                row(List.of(CLOSE_QUESTION, SHOW_ARTICLES), "1", ANSWER, BOT),
                // QUEUED: the bot still answers, and the chat stays queued
                row(QUEUED_, CLEAR_QUESTION, ANSWER, QUEUED),
                row(QUEUED_, CLOSE_QUESTION, CHOICES, QUEUED),
                row(List.of("人工", CLOSE_QUESTION), "2", ANSWER, QUEUED),
                row(QUEUED_, UNKNOWN_QUESTION, NO_ANSWER, QUEUED),
                row(QUEUED_, "人工", HANDOFF, QUEUED),
                row(QUEUED_, "取消", GREETING, BOT, EscalationCancelled.class),
                row(QUEUED_, "家里着火了", EMERGENCY, QUEUED),
                row(QUEUED_, LEGAL_AID, GREETING, QUEUED),
                row(List.of("人工", CLEAR_QUESTION), SHOW_ARTICLES, ARTICLES, QUEUED),
                row(QUEUED_, "!claim", HANDOFF, WITH_LAWYER),
                row(QUEUED_, "!timeout", PROMPT, COLLECTING_PHONE),
                row(QUEUED_, "!close", null, QUEUED),
                // WITH_LAWYER: the bot is silent; everything goes to the lawyer, danger is answered too
                row(WITH_LAWYER_, CLEAR_QUESTION, RELAYED, WITH_LAWYER, CitizenWroteToLawyer.class),
                row(WITH_LAWYER_, "取消", RELAYED, WITH_LAWYER, CitizenWroteToLawyer.class),
                row(WITH_LAWYER_, "人工", RELAYED, WITH_LAWYER, CitizenWroteToLawyer.class),
                row(WITH_LAWYER_, DANGER, EMERGENCY, WITH_LAWYER, CitizenWroteToLawyer.class),
                row(WITH_LAWYER_, SHOW_ARTICLES, RELAYED, WITH_LAWYER, CitizenWroteToLawyer.class),
                row(WITH_LAWYER_, "!claim", HANDOFF, WITH_LAWYER),
                row(WITH_LAWYER_, "!close", RATING, CLOSED, ConversationClosed.class),
                row(WITH_LAWYER_, "!timeout", null, WITH_LAWYER),
                // COLLECTING_PHONE
                row(COLLECTING_PHONE_, "13800138000", PROMPT, COLLECTING_PHONE),
                row(COLLECTING_PHONE_, "abc", PROMPT, COLLECTING_PHONE),
                row(COLLECTING_PHONE_, "12345", PROMPT, COLLECTING_PHONE),
                row(COLLECTING_PHONE_, "是", PROMPT, COLLECTING_PHONE),
                row(COLLECTING_PHONE_, "人工", PROMPT, COLLECTING_PHONE),
                row(COLLECTING_PHONE_, "取消", GREETING, BOT, EscalationCancelled.class),
                row(COLLECTING_PHONE_, DANGER, EMERGENCY, COLLECTING_PHONE),
                row(COLLECTING_PHONE_, SHOW_ARTICLES, PROMPT, COLLECTING_PHONE),
                row(COLLECTING_PHONE_, "!claim", HANDOFF, WITH_LAWYER),
                row(NUMBER_READ_BACK, "是", HANDOFF, CALLBACK, CallbackNumberConfirmed.class),
                row(NUMBER_READ_BACK, "不对", PROMPT, COLLECTING_PHONE),
                row(NUMBER_READ_BACK, "13900139000", PROMPT, COLLECTING_PHONE),
                // CALLBACK: the bot still answers until the hotline calls
                row(CALLBACK_, CLEAR_QUESTION, ANSWER, CALLBACK),
                row(CALLBACK_, "人工", HANDOFF, CALLBACK),
                row(CALLBACK_, SHOW_ARTICLES, ARTICLES, CALLBACK),
                row(CALLBACK_, "取消", GREETING, BOT, EscalationCancelled.class),
                row(CALLBACK_, "!claim", HANDOFF, WITH_LAWYER),
                // CHECKING_ELIGIBILITY
                row(CHECKING_, "是", PROMPT, CHECKING_ELIGIBILITY),
                row(CHECKING_, "也许吧", PROMPT, CHECKING_ELIGIBILITY),
                row(CHECKING_, "取消", GREETING, BOT),
                row(CHECKING_, "人工", HANDOFF, QUEUED, EscalationRequested.class),
                row(CHECKING_, DANGER, EMERGENCY, CHECKING_ELIGIBILITY),
                row(CHECKING_, SHOW_ARTICLES, PROMPT, CHECKING_ELIGIBILITY),
                row(ASKED_INCOME, "abc", PROMPT, CHECKING_ELIGIBILITY),
                row(ASKED_INCOME, "-5", PROMPT, CHECKING_ELIGIBILITY),
                row(ASKED_INCOME, "1800", PROMPT, CHECKING_ELIGIBILITY),
                row(ASKED_MATTER, "9", PROMPT, CHECKING_ELIGIBILITY),
                row(ASKED_MATTER, "1", ASSESSMENT, BOT),
                // CLOSED: the next message starts afresh
                row(CLOSED_, CLEAR_QUESTION, ANSWER, BOT),
                row(CLOSED_, "!close", null, CLOSED));
    }

    @ParameterizedTest(name = "{0} + {1} -> {2} {3}")
    @MethodSource("table")
    void followsTheTransitionTable(String before, String input, ReplyKind kind, DialogState after, List<Class<?>> events) {
        Driver driver = new Driver(new ChannelIdentity(Channel.WECHAT, "gh_lawline", "oTable1234567"));
        Arrays.stream(before.isEmpty() ? new String[0] : before.split(" → ")).forEach(driver::step);
        driver.published.clear();

        Optional<Reply> reply = driver.step(input);

        if (kind == null) {
            assertThat(reply).as("refused").isEmpty();
            assertThat(driver.published).isEmpty();
        } else {
            assertThat(reply).get().extracting(Reply::kind).as("reply kind").isEqualTo(kind);
            assertThat(reply.get().state()).as("state in the reply").isEqualTo(after);
            List<Class<?>> expected = new ArrayList<>();
            if (kind != RELAYED) {
                expected.add(ReplyComposed.class);
            }
            expected.addAll(events);
            assertThat(driver.published).extracting(Object::getClass).as("events").containsExactlyElementsOf(expected);
        }
        assertThat(driver.engine.stateOf(driver.citizen)).as("saved state").isEqualTo(after);
    }

    static Stream<Arguments> smsRows() {
        return Stream.of(Arguments.of("人工", "!timeout"));
    }

    @ParameterizedTest(name = "QUEUED on SMS + !timeout -> CALLBACK on the sender's number")
    @MethodSource("smsRows")
    void onSmsThePickupTimeoutSchedulesTheCallbackWithoutAsking(String ask, String timeout) {
        Driver driver = new Driver(new ChannelIdentity(Channel.SMS, "12348", "13800138000", MobileNumber.parse("13800138000")));
        driver.step(ask);
        driver.published.clear();

        Reply reply = driver.step(timeout).orElseThrow();

        assertThat(reply.kind()).isEqualTo(HANDOFF);
        assertThat(reply.state()).isEqualTo(CALLBACK);
        assertThat(reply.text()).contains("138****8000").doesNotContain("13800138000");
        assertThat(driver.published).extracting(Object::getClass).containsExactly(ReplyComposed.class, CallbackNumberConfirmed.class);
    }

    @Test
    void whetherTheChannelGivesANumberIsTheIdentitysToSayNotTheChannelsName() {
        // a channel that passes a verified number along (a future hotline or app login) needs no SMS name
        Driver withNumber = new Driver(new ChannelIdentity(Channel.WECHAT, "gh_lawline", "oNumber12345", MobileNumber.parse("13900139000")));
        withNumber.step("人工");
        assertThat(withNumber.step("!timeout").orElseThrow().state()).isEqualTo(CALLBACK);

        // an SMS identity whose adapter gave no number is asked for one like anybody else
        Driver withoutNumber = new Driver(new ChannelIdentity(Channel.SMS, "12348", "13800138000"));
        withoutNumber.step("人工");
        assertThat(withoutNumber.step("!timeout").orElseThrow().state()).isEqualTo(COLLECTING_PHONE);
    }

    private static Arguments row(List<String> before, String input, ReplyKind kind, DialogState after, Class<?>... events) {
        return Arguments.of(String.join(" → ", before), input, kind, after, List.of(events));
    }

    /** An engine over the in-process store, and a way to send it messages and commands. */
    static final class Driver {
        final ChannelIdentity citizen;
        final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T08:00:00Z"));
        final List<Object> published = Collections.synchronizedList(new ArrayList<>());
        final ConversationEngine engine;
        private final AtomicInteger ids = new AtomicInteger();

        Driver(ChannelIdentity citizen) {
            this.citizen = citizen;
            InMemoryConversationStore store = new InMemoryConversationStore(clock, Duration.ofHours(24), 100);
            this.engine = new ConversationEngine(Fixtures.knowledgeBase(), store, new StoreTurns(store), published::add,
                    DialogSettings.defaults(), LegalAidSettings.defaults(), clock, Transcripts.NONE);
        }

        Optional<Reply> step(String input) {
            clock.advance(Duration.ofSeconds(5));
            return switch (input) {
                case "!claim" -> engine.lawyerClaimed(citizen, "lawyer-1");
                case "!close" -> engine.lawyerClosed(citizen);
                case "!timeout" -> engine.pickupTimedOut(citizen);
                default -> Optional.of(engine.handle(new InboundMessage(citizen, "m" + ids.incrementAndGet(), input, clock.instant())));
            };
        }
    }
}
