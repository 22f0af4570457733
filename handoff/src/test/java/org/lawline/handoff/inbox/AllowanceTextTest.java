package org.lawline.handoff.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lawline.channels.ReplyDeliveries.SendAllowance;

/** What the box above the reply says about the channel's allowance. */
class AllowanceTextTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    @Test
    void anOpenWeChatWindowSaysHowManyAreLeftAndInHowManyHoursItCloses() {
        InboxViews.AllowanceView view = InboxViews.allowance("wechat",
                new SendAllowance(true, Optional.of(3), Optional.of(NOW.plus(Duration.ofHours(40)).plusSeconds(30))), NOW);

        assertThat(view.text()).isEqualTo("微信: 还可发 3 条, 窗口 40 小时后关闭");
        assertThat(view.open()).isTrue();
        assertThat(view.messagesLeft()).isEqualTo(3);
        assertThat(view.windowClosesAt()).isEqualTo("2026-12-06T02:00:30Z");
    }

    @Test
    void inItsLastHourTheWindowCountsMinutes() {
        assertThat(InboxViews.allowance("wechat", new SendAllowance(true, Optional.of(1), Optional.of(NOW.plus(Duration.ofMinutes(25)))), NOW)
                .text()).isEqualTo("微信: 还可发 1 条, 窗口 25 分钟后关闭");
    }

    @Test
    void aWeiboWindowWithoutACountSaysOnlyWhenItCloses() {
        assertThat(InboxViews.allowance("weibo", new SendAllowance(true, Optional.empty(), Optional.of(NOW.plus(Duration.ofHours(47)))), NOW)
                .text()).isEqualTo("微博: 窗口 47 小时后关闭");
    }

    @Test
    void smsSaysWhatIsLeftOfTheDayOrThatTheCapIsReached() {
        assertThat(InboxViews.allowance("sms", new SendAllowance(true, Optional.of(7), Optional.empty()), NOW).text())
                .isEqualTo("短信: 今天还可发 7 条");
        assertThat(InboxViews.allowance("sms", new SendAllowance(false, Optional.of(0), Optional.empty()), NOW).text())
                .isEqualTo("短信: 今天发往这个号码的短信已达上限");
    }

    @Test
    void aClosedOrSpentWindowSaysTheCitizenHasToWriteFirst() {
        assertThat(InboxViews.allowance("wechat", new SendAllowance(false, Optional.of(0), Optional.empty()), NOW).text())
                .isEqualTo("微信: 窗口已关闭, 须等群众再发消息后才能回复");
        assertThat(InboxViews.allowance("wechat", new SendAllowance(false, Optional.of(0), Optional.of(NOW.plusSeconds(3600))), NOW).text())
                .isEqualTo("微信: 本窗口可发的消息已用完, 须等群众再发消息");
    }
}
