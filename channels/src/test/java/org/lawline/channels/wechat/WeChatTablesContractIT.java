package org.lawline.channels.wechat;

import org.lawline.conversation.Channel;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
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

            Followers followers = new Followers(jdbc);
            assertThat(followers.mayReceiveNotices(citizen)).isTrue();
            followers.subscribed(citizen, now);
            followers.unsubscribed(citizen, now.plusSeconds(1));
            assertThat(followers.mayReceiveNotices(citizen)).isFalse();
            followers.subscribed(citizen, now.plusSeconds(2));
            assertThat(followers.mayReceiveNotices(citizen)).isTrue();

            MessageClaims claims = new MessageClaims(jdbc, Optional.empty(), shared.keyPrefix, java.time.Duration.ofMinutes(10));
            Inbound.Text text = new Inbound.Text(citizen, "gh", now, "77", "你好");
            assertThat(claims.claim(text, "<xml/>", now)).isInstanceOf(MessageClaims.Claim.Won.class);
            assertThat(claims.claim(text, "<xml/>", now)).isInstanceOf(MessageClaims.Claim.Taken.class);
            claims.answered("default", text.retryKey(), "您好。", now);
            assertThat(claims.claim(text, "<xml/>", now)).isEqualTo(new MessageClaims.Claim.Answered("您好。"));
            Inbound.Text other = new Inbound.Text(citizen, "gh", now, "78", "再见");
            assertThat(claims.claim(other, "<xml/>", now)).isInstanceOf(MessageClaims.Claim.Won.class);
            claims.release("default", other.retryKey());
            assertThat(claims.claim(other, "<xml/>", now)).isInstanceOf(MessageClaims.Claim.Won.class);

            WeChatAccounts none = new WeChatAccounts(WeChatSettingsTest.bind(java.util.Map.of()), new AccessTokens.InProcess(), java.time.Clock.systemUTC());
            Outbox outbox = new Outbox(jdbc, none, new CustomerServiceBudget.InProcess(WeChatSettings.CustomerServiceLimits.defaults()), java.time.Clock.systemUTC());
            List<Long> ids = outbox.record(citizen, "第一句。".repeat(300), Outbox.Purpose.PUSH, Optional.empty());
            assertThat(ids).hasSizeGreaterThan(1).doesNotHaveDuplicates();
            assertThat(outbox.deliver(citizen, ids).state()).isEqualTo(Outbox.State.FAILED);

            followers.jobFinished("default", Inbound.EventType.BROADCAST_SENT, "1000001625", "send success", now);
            followers.jobFinished("default", Inbound.EventType.BROADCAST_SENT, "1000001625", "send success", now);
            assertThat(jdbc.sql("select count(*) from wechat_job_report").query(Integer.class).single()).isEqualTo(1);
        }
    }
}
