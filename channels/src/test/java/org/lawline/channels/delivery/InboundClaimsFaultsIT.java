package org.lawline.channels.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lawline.channels.SharedInfrastructure;
import org.lawline.conversation.Channel;
import org.lawline.conversation.ChannelIdentity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Claims against the real Redis and PostgreSQL when something goes wrong between the two: a
 * failed insert, a key without a row, an owner that stalls past its lease.
 */
class InboundClaimsFaultsIT {

    private static final Duration LEASE = Duration.ofMinutes(2);

    private SharedInfrastructure shared;
    private JdbcClient jdbc;
    private InboundClaims claims;
    private ChannelIdentity citizen;

    @BeforeEach
    void start() throws Exception {
        shared = new SharedInfrastructure(SharedInfrastructure.Database.POSTGRES);
        jdbc = JdbcClient.create(shared.dataSource);
        claims = new InboundClaims(jdbc, Optional.of(shared.redis),
                new DeliverySettings(shared.keyPrefix, Duration.ofMinutes(10), LEASE, Duration.ofSeconds(30)));
        citizen = new ChannelIdentity(Channel.WECHAT, "default", "oFault" + shared.runId);
    }

    @AfterEach
    void stop() throws Exception {
        shared.close();
    }

    @Test
    void aDatabaseFailureAfterTheRedisClaimReleasesItSoThatTheRetryIsAnswered() {
        Instant now = Instant.now();
        jdbc.sql("""
                create function refuse_claims() returns trigger language plpgsql as $$
                begin raise exception 'could not extend file: No space left on device'; end $$""").update();
        jdbc.sql("create trigger refuse_claims before insert on inbound_claim for each row execute function refuse_claims()").update();

        assertThatThrownBy(() -> claims.claim(citizen, "msg:1", "text", Optional.of("<xml/>"), now))
                .hasMessageContaining("No space left on device");
        assertThat(shared.redis.sync().exists(claims.redisKey(citizen, "msg:1"))).as("the Redis claim is released").isZero();

        jdbc.sql("drop trigger refuse_claims on inbound_claim").update();
        // WeChat's retry of the same message
        assertThat(claims.claim(citizen, "msg:1", "text", Optional.of("<xml/>"), now.plusSeconds(5))).isInstanceOf(Claim.Won.class);
    }

    @Test
    void aRedisClaimWithoutARowIsClaimable() {
        // a claimant that died between its SET NX and its insert
        shared.redis.sync().set(claims.redisKey(citizen, "msg:2"), "1");

        Claim claim = claims.claim(citizen, "msg:2", "text", Optional.of("<xml/>"), Instant.now());

        assertThat(claim).isInstanceOf(Claim.Won.class);
        assertThat(claims.claim(citizen, "msg:2", "text", Optional.of("<xml/>"), Instant.now()))
                .as("and once claimed, a repeat is turned away").isInstanceOf(Claim.Taken.class);
    }

    @Test
    void anOwnerTakenOverCanNeitherFinishNorDeliverItsAnswer() {
        Instant then = Instant.now().minus(LEASE).minusSeconds(60);
        ClaimTicket stalled = ((Claim.Won) claims.claim(citizen, "msg:3", "text", Optional.of("<xml/>"), then)).ticket();
        Instant now = Instant.now();
        StrandedClaim stranded = claims.stranded(now.minus(LEASE), 10).stream()
                .filter(claim -> claim.citizen().citizenId().equals(citizen.citizenId())).findFirst().orElseThrow();
        ClaimTicket recovering = claims.takeOver(stranded, now.minus(LEASE), now).orElseThrow();
        assertThat(claims.takeOver(stranded, now.minus(LEASE), now)).as("taken over once only").isEmpty();

        Outbox outbox = new Outbox(jdbc, List.of(new Accepting()), Clock.systemUTC());
        ClaimedReplies replies = new ClaimedReplies(claims, outbox, Clock.systemUTC());
        assertThat(replies.sendLater(stalled, Optional.of("迟到的回答。"))).as("the stalled owner's answer").isEmpty();
        assertThat(claims.answered(stalled, "迟到的回答。", now)).isFalse();
        assertThat(partsFor(citizen)).as("nothing recorded for the stalled owner").isZero();

        assertThat(replies.sendLater(recovering, Optional.of("接手后的回答。"))).get().extracting(Delivery::state).isEqualTo(PartState.SENT);
        assertThat(partsFor(citizen)).isEqualTo(1);
        assertThat(claims.statusOf(citizen, "msg:3")).contains(ClaimStatus.ANSWERED_LATER);
    }

    private int partsFor(ChannelIdentity to) {
        return jdbc.sql("select count(*) from outbound_part where citizen_id = :c").param("c", to.citizenId()).query(Integer.class).single();
    }

    /** A platform that takes everything: what is under test here is who may send, not how. */
    private static final class Accepting implements ChannelPlatform {
        @Override
        public Channel channel() {
            return Channel.WECHAT;
        }

        @Override
        public PartLimit partLimit() {
            return PartLimit.utf8Bytes(2048);
        }

        @Override
        public SendPermission mayWeSend(ChannelIdentity to, Purpose purpose, Instant now) {
            return SendPermission.allowed();
        }

        @Override
        public PlatformAnswer send(OutboundPart part) {
            return PlatformAnswer.accepted();
        }
    }
}
