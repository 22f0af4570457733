package org.lawline.channels.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lawline.channels.SharedInfrastructure;
import org.lawline.channels.delivery.Claim;
import org.lawline.channels.delivery.DeliverySettings;
import org.lawline.channels.delivery.InboundClaims;
import org.lawline.channels.delivery.OutboundMessage;
import org.lawline.channels.delivery.Outbox;
import org.lawline.channels.delivery.PartState;
import org.lawline.channels.delivery.Purpose;
import org.lawline.channels.delivery.ReplyWindows;
import org.lawline.channels.delivery.Subscribers;
import org.lawline.conversation.Channel;
import org.lawline.conversation.ChannelIdentity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The channel's SQL behaves alike on H2 and PostgreSQL (a fresh schema, dropped after). */
class WeChatTablesContractIT {

    @ParameterizedTest
    @EnumSource(SharedInfrastructure.Database.class)
    void followersClaimsAndDeliveriesRoundTrip(SharedInfrastructure.Database database) throws Exception {
        try (SharedInfrastructure shared = new SharedInfrastructure(database)) {
            JdbcClient jdbc = JdbcClient.create(shared.dataSource);
            ChannelIdentity citizen = new ChannelIdentity(Channel.WECHAT, "default", "oContract" + shared.runId);
            Instant now = Instant.parse("2026-11-29T08:00:00Z");

            Subscribers followers = new Subscribers(jdbc);
            assertThat(followers.mayReceiveNotices(citizen)).isTrue();
            followers.subscribed(citizen, now);
            followers.unsubscribed(citizen, now.plusSeconds(1));
            assertThat(followers.mayReceiveNotices(citizen)).isFalse();
            followers.subscribed(citizen, now.plusSeconds(2));
            assertThat(followers.mayReceiveNotices(citizen)).isTrue();

            InboundClaims claims = new InboundClaims(jdbc, Optional.empty(), DeliverySettings.defaults());
            Inbound.Text text = new Inbound.Text(citizen, "gh", now, "77", "你好");
            Claim won = claims.claim(citizen, text.retryKey(), text.kind(), Optional.of("<xml/>"), now);
            assertThat(won).isInstanceOf(Claim.Won.class);
            assertThat(claims.claim(citizen, text.retryKey(), text.kind(), Optional.of("<xml/>"), now)).isInstanceOf(Claim.Taken.class);
            assertThat(claims.answered(((Claim.Won) won).ticket(), "您好。", now)).isTrue();
            assertThat(claims.claim(citizen, text.retryKey(), text.kind(), Optional.of("<xml/>"), now)).isEqualTo(new Claim.Answered("您好。"));
            Inbound.Text other = new Inbound.Text(citizen, "gh", now, "78", "再见");
            Claim otherWon = claims.claim(citizen, other.retryKey(), other.kind(), Optional.of("<xml/>"), now);
            assertThat(otherWon).isInstanceOf(Claim.Won.class);
            claims.release(((Claim.Won) otherWon).ticket());
            assertThat(claims.claim(citizen, other.retryKey(), other.kind(), Optional.of("<xml/>"), now)).isInstanceOf(Claim.Won.class);

            WeChatAccounts none = new WeChatAccounts(WeChatSettingsTest.bind(java.util.Map.of()), new AccessTokens.InProcess(), java.time.Clock.systemUTC());
            ReplyWindows windows = new ReplyWindows.InProcess(WeChatSettings.CustomerServiceLimits.defaults().asWindowLimits());
            windows.citizenWrote(citizen, Instant.now());
            Outbox outbox = new Outbox(jdbc, List.of(new WeChatPlatform(none, windows, Runnable::run)), java.time.Clock.systemUTC());
            OutboundMessage message = outbox.record(citizen, "第一句。".repeat(300), Purpose.PUSH, Optional.empty());
            assertThat(message.partIds()).hasSizeGreaterThan(1).doesNotHaveDuplicates();
            assertThat(outbox.deliver(message).state()).isEqualTo(PartState.FAILED);

            JobReports reports = new JobReports(jdbc, outbox);
            reports.jobFinished("default", Inbound.EventType.BROADCAST_SENT, "1000001625", "send success", now);
            reports.jobFinished("default", Inbound.EventType.BROADCAST_SENT, "1000001625", "send success", now);
            assertThat(jdbc.sql("select count(*) from wechat_job_report").query(Integer.class).single()).isEqualTo(1);
        }
    }
}
