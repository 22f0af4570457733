package org.lawline.conversation.dialog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lawline.conversation.Channel;
import org.lawline.conversation.ChannelIdentity;
import org.lawline.conversation.DialogSettings;
import org.lawline.conversation.InboundMessage;
import org.lawline.conversation.MobileNumber;
import org.lawline.conversation.Reply;
import org.lawline.conversation.state.InMemoryConversationStore;
import org.lawline.knowledge.FaqMatch;

/** Whatever a citizen writes, in whatever state, the engine replies and never throws. */
class HostileInputTest {

    static Stream<Arguments> hostileTexts() {
        List<String> texts = List.of(
                "",
                " \t\n ",
                "a".repeat(10_000),
                "问".repeat(10_000),
                "嗯".repeat(10_000),
                "1".repeat(10_000),
                "😀🙏👍🔥",
                "\uD83D\uDE00".repeat(5_000),
                "<script>alert('x')</script>",
                "<script>alert('人工')</script>",
                "'; DROP TABLE escalation; --",
                "?*:\"()[]{}^~\\/ AND OR NOT",
                "\u0000\u0001\u0007",
                "\uD800",
                "\u202E人工\u202C",
                "${jndi:ldap://x}",
                "%s%n%d",
                "１２３",
                "0",
                "-1",
                "第零个");
        List<String> before = List.of("none", "CLARIFYING", "QUEUED");
        return before.stream().flatMap(state -> texts.stream().map(text -> Arguments.of(state, text)));
    }

    @ParameterizedTest(name = "[{0}] {index}")
    @MethodSource("hostileTexts")
    void neverThrowsAndAlwaysReplies(String stateBefore, String text) {
        ScriptedFaqSearch faqs = Fixtures.knowledgeBase()
                // a real index finds something for almost any text: make sure the answer path sees hostile text too
                .otherwise(question -> List.of(new FaqMatch(Fixtures.CUSTODY, 3.0, question.length() % 2 == 0 ? 0.9 : 0.4)));
        MutableClock clock = new MutableClock(Instant.parse("2025-03-01T08:00:00Z"));
        ConversationEngine engine = new ConversationEngine(faqs, new InMemoryConversationStore(clock, Duration.ofHours(1), 10),
                event -> { }, DialogSettings.defaults(), clock);
        ChannelIdentity citizen = new ChannelIdentity(Channel.SMS, "12348", "13800138000", MobileNumber.parse("13800138000"));
        if (stateBefore.equals("CLARIFYING")) {
            engine.handle(new InboundMessage(citizen, "setup", Fixtures.CLOSE_QUESTION, clock.instant()));
        } else if (stateBefore.equals("QUEUED")) {
            engine.handle(new InboundMessage(citizen, "setup", "人工", clock.instant()));
        }

        assertThatCode(() -> {
            Reply reply = engine.handle(new InboundMessage(citizen, "hostile", text, clock.instant()));
            assertThat(reply.text()).isNotBlank().doesNotContain("<script>").doesNotContain("jndi");
            assertThat(reply.state()).isNotNull();
        }).doesNotThrowAnyException();
    }
}
