package org.lawline.channels.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.Statement;
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
 * Claims against the real Redis and a PostgreSQL whose claims table stops answering (another
 * session holds it locked, as a hung server holds every statement): a message is still claimed,
 * in Redis alone, within the claims' wait; a repeat gets the same answer; and the row is written,
 * once, when the table answers again.
 */
class ClaimsWhileTheDatabaseStallsIT {

    private SharedInfrastructure shared;
    private JdbcClient jdbc;
    private InboundClaims claims;
    private HeldWrites writes;
    private ChannelIdentity citizen;
    private Connection locker;

    @BeforeEach
    void start() throws Exception {
        shared = new SharedInfrastructure(SharedInfrastructure.Database.POSTGRES);
        jdbc = JdbcClient.create(shared.dataSource);
        claims = new InboundClaims(jdbc, Optional.of(shared.redis), new DeliverySettings(shared.keyPrefix, Duration.ofMinutes(10),
                Duration.ofMinutes(2), Duration.ofSeconds(30), Duration.ofMillis(500), Duration.ofSeconds(2)));
        writes = new HeldWrites(claims, new Outbox(jdbc, List.of(), Clock.systemUTC()));
        citizen = new ChannelIdentity(Channel.WECHAT, "default", "oStall" + shared.runId);
    }

    @AfterEach
    void stop() throws Exception {
        if (locker != null && !locker.isClosed()) {
            locker.rollback();
            locker.close();
        }
        shared.close();
    }

    @Test
    void aStalledDatabaseLeavesTheClaimToRedis_andTheRowIsWrittenOnceItAnswersAgain() throws Exception {
        stallTheClaimsTable();
        Instant now = Instant.now();

        long started = System.nanoTime();
        Claim claim = claims.claim(citizen, "msg:1", "text", Optional.of("<xml/>"), now);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the claim waits the claims' wait, not the database's timeouts")
                .isLessThan(Duration.ofSeconds(3));
        assertThat(claim).isInstanceOfSatisfying(Claim.Won.class, won -> assertThat(won.ticket().heldInRedisOnly()).isTrue());
        ClaimTicket ticket = ((Claim.Won) claim).ticket();
        assertThat(claims.answered(ticket, "第一次的回答", now)).isTrue();
        assertThat(claims.sendWhenWritable(ticket, "回答的后半部分", now)).isTrue();

        assertThat(claims.claim(citizen, "msg:1", "text", Optional.of("<xml/>"), now.plusSeconds(5)))
                .as("the platform's retry gets the first answer again").isEqualTo(new Claim.Answered("第一次的回答"));
        assertThat(writes.writeBack()).as("nothing is written while the database is down").isZero();

        releaseTheClaimsTable();

        await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(500)).until(() -> {
            try {
                writes.writeBack();
            } catch (DatabaseUnavailable stillPaused) {
                return false;
            }
            return writes.waiting() == 0;
        });
        assertThat(jdbc.sql("select status, answer from inbound_claim where citizen_id = :c and claim_key = 'msg:1'")
                .param("c", citizen.citizenId())
                .query((rs, n) -> rs.getString("status") + ":" + rs.getString("answer")).list())
                .as("one row, answered").containsExactly("ANSWERED:第一次的回答");
        assertThat(jdbc.sql("select count(*) from outbound_part where citizen_id = :c and in_reply_to = 'msg:1'")
                .param("c", citizen.citizenId()).query(Integer.class).single()).as("the rest of the answer, recorded once").isEqualTo(1);
        assertThat(claims.claim(citizen, "msg:1", "text", Optional.of("<xml/>"), Instant.now()))
                .as("a later retry is still answered once").isEqualTo(new Claim.Answered("第一次的回答"));
    }

    @Test
    void aRowLeftAnsweringByAStalledInsertIsNotTakenOverWhileRedisHoldsItsClaim() throws Exception {
        Instant longAgo = Instant.now().minus(Duration.ofMinutes(10));
        stallTheClaimsTable();
        ClaimTicket ticket = ((Claim.Won) claims.claim(citizen, "msg:2", "text", Optional.of("<xml/>"), longAgo)).ticket();
        claims.answered(ticket, "回答", longAgo);
        releaseTheClaimsTable();
        // the insert that timed out reaches the table once it is free: a row left ANSWERING since long ago
        await().atMost(Duration.ofSeconds(10)).until(() -> claims.statusOf(citizen, "msg:2").isPresent());

        List<StrandedClaim> stranded = claims.stranded(Instant.now().minus(Duration.ofMinutes(2)), 10);
        assertThat(stranded).extracting(StrandedClaim::key).contains("msg:2");
        StrandedClaim left = stranded.stream().filter(c -> c.key().equals("msg:2")).findFirst().orElseThrow();

        assertThat(claims.takeOver(left, Instant.now().minus(Duration.ofMinutes(2)), Instant.now()))
                .as("the reconciler would answer it a second time").isEmpty();
    }

    @Test
    void aHeldWriteTheDatabaseRefusesIsSetAside_andTheWritesBehindItAreWritten() throws Exception {
        shared.redis.sync().rpush(shared.keyPrefix + "claim-writes", "{\"type\":\"REST\",\"channel\":\"carrier-pigeon\",\"account\":\"a\","
                + "\"citizenId\":\"c\",\"key\":\"k\",\"text\":\"回答\",\"receivedAt\":0,\"at\":0}");
        stallTheClaimsTable();
        ClaimTicket ticket = ((Claim.Won) claims.claim(citizen, "msg:3", "text", Optional.empty(), Instant.now())).ticket();
        claims.answered(ticket, "回答", Instant.now());
        releaseTheClaimsTable();

        await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(500)).until(() -> {
            writes.writeBack();
            return writes.waiting() == 0;
        });

        assertThat(claims.statusOf(citizen, "msg:3")).contains(ClaimStatus.ANSWERED);
        assertThat(shared.redis.sync().lrange(shared.keyPrefix + "claim-writes-refused", 0, -1)).singleElement()
                .asString().contains("carrier-pigeon");
    }

    /** Another session locks the claims table: every statement on it waits, as on a frozen server. */
    private void stallTheClaimsTable() throws Exception {
        locker = shared.dataSource.getConnection();
        locker.setAutoCommit(false);
        try (Statement statement = locker.createStatement()) {
            statement.execute("lock table inbound_claim in access exclusive mode");
        }
    }

    private void releaseTheClaimsTable() throws Exception {
        locker.commit();
        locker.close();
    }
}
