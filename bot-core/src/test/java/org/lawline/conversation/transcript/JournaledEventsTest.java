package org.lawline.conversation.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lawline.conversation.CallbackNumberConfirmed;
import org.lawline.conversation.Channel;
import org.lawline.conversation.ChannelIdentity;
import org.lawline.conversation.CitizenWroteToLawyer;
import org.lawline.conversation.ConversationClosed;
import org.lawline.conversation.ConversationEvent;
import org.lawline.conversation.ConversationId;
import org.lawline.conversation.DialogState;
import org.lawline.conversation.EscalationCancelled;
import org.lawline.conversation.EscalationRequested;
import org.lawline.conversation.EventId;
import org.lawline.conversation.MobileNumber;
import org.lawline.conversation.Reply;
import org.lawline.conversation.ReplyComposed;
import org.lawline.knowledge.LawReference;
import org.springframework.context.ApplicationEventPublisher;

/** The event journal: every event reaches its listeners, in order, at least once, across failures and restarts. */
class JournaledEventsTest {

    @TempDir
    Path journalDir;

    private final ChannelIdentity sms = new ChannelIdentity(Channel.SMS, "12348", "13800138000", MobileNumber.parse("13800138000"));
    private final ConversationId consultation = ConversationId.next();
    private final Instant at = Instant.parse("2026-12-04T08:00:00.123Z");
    private final List<Object> heard = Collections.synchronizedList(new ArrayList<>());
    private final List<JournaledEvents> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(JournaledEvents::close);
    }

    @Test
    void everyKindOfEventReachesTheListenersAsItWasPublished() {
        JournaledEvents events = started(heard::add);
        List<ConversationEvent> published = List.of(
                new EscalationRequested(EventId.next(), consultation, sms, EscalationRequested.Reason.REPEATED_MISSES, at),
                new EscalationCancelled(EventId.next(), consultation, sms, at),
                new CitizenWroteToLawyer(EventId.next(), consultation, sms, "m-1", "lawyer-7", "我想问一下\n\"工资\"", at),
                new CallbackNumberConfirmed(EventId.next(), consultation, sms, new MobileNumber("13912345678"), at),
                new ConversationClosed(EventId.next(), consultation, sms, "lawyer-7", at));

        published.forEach(events::publish);

        await().atMost(Duration.ofSeconds(10)).until(() -> heard.size() == published.size());
        assertThat(heard).containsExactlyElementsOf(published);
    }

    @Test
    void anAnswerGoesStraightToTheListeners_evenBeforeDispatchingStarts() {
        JournaledEvents events = new JournaledEvents(heard::add, journalDir, Duration.ofMillis(100));
        opened.add(events);
        ReplyComposed answer = new ReplyComposed(EventId.next(), consultation, sms, Optional.of("m-1"),
                new Reply.Greeting("您好", DialogState.BOT), at);

        events.publish(answer);

        assertThat(heard).containsExactly(answer);
    }

    @Test
    void aReplyTheEnginePushesIsJournaled_andEveryKindOfReplyIsReadBackAsItself() {
        JournaledEvents events = new JournaledEvents(heard::add, journalDir, Duration.ofMillis(100));
        opened.add(events);
        List<LawReference> law = List.of(LawReference.parse("中华人民共和国劳动合同法第三十条"));
        List<Reply> replies = List.of(
                new Reply.Answer("可以申请劳动仲裁。", DialogState.BOT, "ll-wage-001", 0.87, law),
                new Reply.Choices("您想问的是：\n1. 拖欠工资", DialogState.CLARIFYING,
                        List.of(new Reply.Choice(1, "ll-wage-001", "公司拖欠工资怎么办？", 0.61))),
                new Reply.Handoff("值班律师已接入", DialogState.WITH_LAWYER),
                new Reply.Referral("请拨打12345", DialogState.BOT, "12345"),
                new Reply.Emergency("请立即拨打110", DialogState.BOT, "110"),
                new Reply.Law("以下法律规定可能与您的问题有关", DialogState.BOT, law),
                new Reply.NoAnswer("抱歉", DialogState.BOT),
                new Reply.Greeting("您好", DialogState.BOT),
                new Reply.Prompt("请留下手机号码，12348将回电", DialogState.COLLECTING_PHONE),
                new Reply.Assessment("您可能符合法律援助条件", DialogState.BOT, true),
                new Reply.Articles("第三十条……", DialogState.BOT, Optional.of("ll-wage-001"), law),
                new Reply.Relayed(DialogState.WITH_LAWYER),
                new Reply.RatingRequest("本次律师咨询已结束，请评价", DialogState.CLOSED),
                new Reply.Offices("西湖区的法律服务机构：", DialogState.BOT,
                        org.lawline.knowledge.BundledKnowledge.serviceOffices().subList(0, 2)));
        assertThat(replies.stream().<Class<?>>map(Reply::getClass).toList()).as("every kind of reply")
                .containsExactlyInAnyOrder(Reply.class.getPermittedSubclasses());
        List<ReplyComposed> pushed = replies.stream()
                .map(reply -> new ReplyComposed(EventId.next(), consultation, sms, Optional.empty(), reply, at)).toList();

        pushed.forEach(events::publish);
        assertThat(heard).as("nothing before dispatching starts: the pushed replies wait in the journal").isEmpty();
        events.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> heard.size() == pushed.size());
        assertThat(heard).containsExactlyElementsOf(pushed);
    }

    @Test
    void aFailingListenerGetsItsEventAgain_andTheEventsAfterItWaitTheirTurn() {
        AtomicInteger failuresLeft = new AtomicInteger(3);
        JournaledEvents events = started(event -> {
            if (event instanceof EscalationRequested && failuresLeft.getAndDecrement() > 0) {
                throw new IllegalStateException("database down");
            }
            heard.add(event);
        });
        EscalationRequested requested = new EscalationRequested(EventId.next(), consultation, sms,
                EscalationRequested.Reason.ASKED_FOR_PERSON, at);
        EscalationCancelled cancelled = new EscalationCancelled(EventId.next(), consultation, sms, at.plusSeconds(5));

        events.publish(requested);
        events.publish(cancelled);

        await().atMost(Duration.ofSeconds(10)).until(() -> heard.size() == 2);
        assertThat(heard).containsExactly(requested, cancelled);
        assertThat(failuresLeft.get()).isNegative();
    }

    @Test
    void aRestartDeliversWhatTheLastRunLeft_andNothingItAlreadyDelivered() {
        JournaledEvents first = started(heard::add);
        EscalationRequested delivered = new EscalationRequested(EventId.next(), consultation, sms,
                EscalationRequested.Reason.ASKED_FOR_PERSON, at);
        first.publish(delivered);
        await().atMost(Duration.ofSeconds(10)).until(() -> heard.size() == 1);
        first.stop();
        EscalationCancelled left = new EscalationCancelled(EventId.next(), consultation, sms, at);
        first.publish(left);
        first.close();
        opened.remove(first);

        started(heard::add);

        await().atMost(Duration.ofSeconds(10)).until(() -> heard.size() == 2);
        assertThat(heard).containsExactly(delivered, left);
    }

    @Test
    void anEventLineThatCannotBeReadIsSetAsideInAnOwnerOnlyFile() throws Exception {
        JournaledEvents events = started(heard::add);
        Path slot = journalDir.resolve("0");
        Path segment;
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(slot)) {
            segment = files.filter(f -> f.getFileName().toString().startsWith("turns-")).findFirst().orElseThrow();
        }
        // half a line from a crash, holding what a citizen wrote
        java.nio.file.Files.writeString(segment, "{\"type\":\"EscalationRequested\",\"event\":{\"text\":\"我的电话13800138000\n",
                java.nio.file.StandardOpenOption.APPEND);
        Path refused = slot.resolve("refused-" + java.time.LocalDate.now(java.time.ZoneOffset.UTC) + ".jsonl");

        await().atMost(Duration.ofSeconds(10)).until(() -> java.nio.file.Files.exists(refused));

        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(refused)))
                .isEqualTo("rw-------");
        assertThat(events).isNotNull();
    }

    @Test
    void aStopHandsOverWhatIsJournaledFirst() {
        JournaledEvents events = started(event -> {
            heard.add(event);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        });
        List<ConversationEvent> published = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            published.add(new CitizenWroteToLawyer(EventId.next(), consultation, sms, "m-" + i, "lawyer-7", "第" + i + "条", at));
        }

        published.forEach(events::publish);
        events.stop();

        assertThat(heard).as("handed over before the stop returned, not left for a restart").containsExactlyElementsOf(published);
    }

    private JournaledEvents started(ApplicationEventPublisher listeners) {
        JournaledEvents events = new JournaledEvents(listeners, journalDir, Duration.ofMillis(100));
        opened.add(events);
        events.start();
        return events;
    }
}
