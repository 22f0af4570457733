package org.lawline.channels.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lawline.channels.SharedInfrastructure;
import org.lawline.conversation.Channel;
import org.lawline.conversation.ChannelIdentity;

/** The in-process and the Redis reply windows keep a platform's rules (here WeChat's) alike. */
class ReplyWindowsContractIT {

    /** WeChat's: 5 messages within 48 hours of the citizen's last, 3 within a minute of a click or subscribe. */
    private static final ReplyWindows.Limits LIMITS = new ReplyWindows.Limits(Duration.ofHours(48), 5, 3, Duration.ofMinutes(1));

    private SharedInfrastructure shared;

    private ReplyWindows budget(String kind) throws Exception {
        if (kind.equals("redis")) {
            shared = new SharedInfrastructure(SharedInfrastructure.Database.H2);
            return new ReplyWindows.InRedis(shared.redis, shared.keyPrefix, LIMITS);
        }
        return new ReplyWindows.InProcess(LIMITS);
    }

    @AfterEach
    void stop() throws Exception {
        if (shared != null) {
            shared.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"in-process", "redis"})
    void fivePerWindowAfterAMessageAndAFreshWindowWithTheNext(String kind) throws Exception {
        ReplyWindows budget = budget(kind);
        ChannelIdentity citizen = new ChannelIdentity(Channel.WECHAT, "default", "oBudget-" + kind);
        Instant wrote = Instant.parse("2026-11-29T08:00:00Z");
        budget.citizenWrote(citizen, wrote);
        for (int i = 0; i < 5; i++) {
            assertThat(budget.use(citizen, wrote.plusSeconds(i))).isEqualTo(ReplyWindows.Verdict.ALLOWED);
        }
        assertThat(budget.use(citizen, wrote.plusSeconds(10))).isEqualTo(ReplyWindows.Verdict.SPENT);

        budget.citizenWrote(citizen, wrote.plus(Duration.ofHours(1)));
        assertThat(budget.use(citizen, wrote.plus(Duration.ofHours(2)))).isEqualTo(ReplyWindows.Verdict.ALLOWED);
        assertThat(budget.use(citizen, wrote.plus(Duration.ofHours(50)))).isEqualTo(ReplyWindows.Verdict.WINDOW_CLOSED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"in-process", "redis"})
    void threeWithinAMinuteOfAMenuClickOrSubscribe(String kind) throws Exception {
        ReplyWindows budget = budget(kind);
        ChannelIdentity citizen = new ChannelIdentity(Channel.WECHAT, "default", "oPrompt-" + kind);
        Instant clicked = Instant.parse("2026-11-29T08:00:00Z");
        assertThat(budget.use(citizen, clicked)).isEqualTo(ReplyWindows.Verdict.WINDOW_CLOSED);
        budget.citizenPrompted(citizen, clicked);
        for (int i = 0; i < 3; i++) {
            assertThat(budget.use(citizen, clicked.plusSeconds(i))).isEqualTo(ReplyWindows.Verdict.ALLOWED);
        }
        assertThat(budget.use(citizen, clicked.plusSeconds(5))).isEqualTo(ReplyWindows.Verdict.SPENT);
        assertThat(budget.use(citizen, clicked.plusSeconds(61))).isEqualTo(ReplyWindows.Verdict.WINDOW_CLOSED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"in-process", "redis"})
    void aMessageNotedLateOpensItsWindowUnlessALaterOneIsKnown(String kind) throws Exception {
        ReplyWindows budget = budget(kind);
        ChannelIdentity forgotten = new ChannelIdentity(Channel.WECHAT, "default", "oForgotten-" + kind);
        Instant wrote = Instant.parse("2026-11-29T08:00:00Z");
        budget.citizenWroteEarlier(forgotten, wrote);
        assertThat(budget.use(forgotten, wrote.plus(Duration.ofMinutes(3)))).isEqualTo(ReplyWindows.Verdict.ALLOWED);

        ChannelIdentity known = new ChannelIdentity(Channel.WECHAT, "default", "oKnown-" + kind);
        budget.citizenWrote(known, wrote.plusSeconds(60));
        for (int i = 0; i < 5; i++) {
            budget.use(known, wrote.plusSeconds(61 + i));
        }
        budget.citizenWroteEarlier(known, wrote);
        assertThat(budget.use(known, wrote.plusSeconds(120))).as("the later message's allowance stays spent")
                .isEqualTo(ReplyWindows.Verdict.SPENT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"in-process", "redis"})
    void theStandingTellsWhatIsLeftAndWhenTheWindowClosesWithoutSpendingAny(String kind) throws Exception {
        ReplyWindows budget = budget(kind);
        ChannelIdentity citizen = new ChannelIdentity(Channel.WECHAT, "default", "oStanding-" + kind);
        Instant wrote = Instant.parse("2026-11-29T08:00:00Z");
        assertThat(budget.standing(citizen, wrote).verdict()).isEqualTo(ReplyWindows.Verdict.WINDOW_CLOSED);
        assertThat(budget.standing(citizen, wrote).closesAt()).isEmpty();

        budget.citizenWrote(citizen, wrote);
        budget.use(citizen, wrote.plusSeconds(1));
        budget.use(citizen, wrote.plusSeconds(2));
        ReplyWindows.Standing standing = budget.standing(citizen, wrote.plus(Duration.ofHours(8)));
        assertThat(standing.verdict()).isEqualTo(ReplyWindows.Verdict.ALLOWED);
        assertThat(standing.left()).isEqualTo(3);
        assertThat(standing.closesAt()).contains(wrote.plus(Duration.ofHours(48)));
        assertThat(budget.standing(citizen, wrote.plus(Duration.ofHours(8))).left()).as("asking spends nothing").isEqualTo(3);

        for (int i = 0; i < 3; i++) {
            budget.use(citizen, wrote.plusSeconds(10 + i));
        }
        assertThat(budget.standing(citizen, wrote.plusSeconds(20)).verdict()).isEqualTo(ReplyWindows.Verdict.SPENT);
        assertThat(budget.standing(citizen, wrote.plusSeconds(20)).left()).isZero();
        assertThat(budget.standing(citizen, wrote.plus(Duration.ofHours(49))).verdict()).isEqualTo(ReplyWindows.Verdict.WINDOW_CLOSED);
    }
}
