package org.lawline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lawline.LawLineApplication;
import org.lawline.conversation.Channel;
import org.lawline.conversation.ChannelIdentity;
import org.lawline.conversation.Conversations;
import org.lawline.conversation.InboundMessage;
import org.lawline.conversation.ReplyComposed;
import org.lawline.conversation.ReplyKind;
import org.lawline.handoff.escalation.ClaimResult;
import org.lawline.handoff.escalation.DutyDesk;
import org.lawline.security.Role;
import org.lawline.security.StaffAccounts;
import org.lawline.storage.PostgresTestDatabase;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Handoff on two application contexts sharing PostgreSQL and Redis, as several instances run it:
 * the inbox's live stream on one instance hears of a chat queued on the other; two lawyers
 * claiming at once on two instances; and the 3-minute promise across instances, shortened to 2 seconds: two application contexts share
 * PostgreSQL and Redis; 200 citizens ask for a person, half are claimed at random moments around
 * the deadline, and one instance stops part-way. Every escalation ends exactly once — claimed
 * before the timer, or timed out (and perhaps claimed late) — and every timeout message is sent
 * once.
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class HandoffAcrossInstancesIT {

    private static final String SCHEMA = "lawline_pickup_" + UUID.randomUUID().toString().replace("-", "");
    private static final int CITIZENS = 200;
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private static ConfigurableApplicationContext one;
    private static ConfigurableApplicationContext two;
    /** Timeout messages (the callback's request for a number) per citizen, from both instances. */
    private static final Map<String, AtomicInteger> timeoutMessages = new ConcurrentHashMap<>();

    @BeforeAll
    static void twoInstances() throws Exception {
        try (Connection c = DriverManager.getConnection(PostgresTestDatabase.URL, PostgresTestDatabase.USER, "")) {
            c.createStatement().execute("create schema " + SCHEMA);
        }
        one = instance();
        two = instance();
        one.getBean(StaffAccounts.class).add("race-lawyer", "赛跑律师", Role.LAWYER, "race lawyer password");
    }

    private static ConfigurableApplicationContext instance() {
        ApplicationListener<PayloadApplicationEvent<?>> counter = event -> {
            if (event.getPayload() instanceof ReplyComposed composed && composed.inReplyTo().isEmpty()
                    && composed.reply().kind() == ReplyKind.PROMPT) {
                timeoutMessages.computeIfAbsent(composed.to().citizenId(), k -> new AtomicInteger()).incrementAndGet();
            }
        };
        return new SpringApplicationBuilder(LawLineApplication.class)
                .web(WebApplicationType.SERVLET)
                .profiles("test")
                .listeners(counter)
                // arguments, not default properties: those would lose to application-test.yml
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + PostgresTestDatabase.URL + "?currentSchema=" + SCHEMA,
                        "--spring.datasource.username=" + PostgresTestDatabase.USER,
                        "--spring.datasource.password=",
                        "--lawline.redis.url=redis://127.0.0.1:6379",
                        "--lawline.conversation.store.key-prefix=" + SCHEMA + ":",
                        "--lawline.handoff.timers-key=" + SCHEMA + ":pickup-timers",
                        "--lawline.handoff.pickup-timeout=" + TIMEOUT,
                        "--lawline.handoff.reconcile-every=3s",
                        "--lawline.conversation.transcript.journal-dir=target/transcript-journal-" + SCHEMA);
    }

    @AfterAll
    static void stop() throws Exception {
        for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] {one, two}) {
            if (context != null && context.isActive()) {
                context.close();
            }
        }
        try (Connection c = DriverManager.getConnection(PostgresTestDatabase.URL, PostgresTestDatabase.USER, "")) {
            c.createStatement().execute("drop schema if exists " + SCHEMA + " cascade");
        }
    }

    record Claim(long escalationId, ClaimResult result) {
    }

    @Test
    @org.junit.jupiter.api.Order(0)
    void aLawyerOnOneInstanceHearsOfAChatThatArrivedOnTheOther() throws Exception {
        one.getBean(StaffAccounts.class).add("live-lawyer", "实时律师", Role.LAWYER, "live lawyer password");
        org.lawline.security.StaffBrowser lawyer = new org.lawline.security.StaffBrowser(port(two));
        lawyer.logIn("live-lawyer", "live lawyer password");
        java.net.http.HttpResponse<java.util.stream.Stream<String>> stream = lawyer.stream("/api/inbox/events");
        assertThat(stream.statusCode()).isEqualTo(200);
        java.util.concurrent.BlockingQueue<String> lines = new java.util.concurrent.LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> stream.body().forEach(lines::add));
        reader.setDaemon(true);
        reader.start();

        ChannelIdentity citizen = new ChannelIdentity(Channel.WEB, "default", "live-" + SCHEMA.substring(15, 23));
        one.getBean(Conversations.class).handle(new InboundMessage(citizen, UUID.randomUUID().toString(), "转人工", Instant.now()));
        // the request reaches handoff through the event journal, a moment after the reply
        long id = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> one.getBean(JdbcClient.class)
                .sql("select id from escalation where citizen_id = :c").param("c", citizen.citizenId()).query(Long.class).optional()
                .orElse(null), java.util.Objects::nonNull);

        String expected = "\"escalation\":" + id;
        long deadline = System.currentTimeMillis() + 10_000;
        boolean heard = false;
        while (!heard && System.currentTimeMillis() < deadline) {
            String line = lines.poll(500, TimeUnit.MILLISECONDS);
            heard = line != null && line.contains(expected);
        }
        assertThat(heard).as("instance two's stream names escalation %s, queued on instance one", id).isTrue();
        one.getBean(DutyDesk.class).claim(id, "live-lawyer");
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void ofTwoLawyersClaimingAtOnceOnTwoInstancesExactlyOneGetsTheChat() throws Exception {
        one.getBean(StaffAccounts.class).add("duel-a", "甲律师", Role.LAWYER, "duel lawyer password");
        one.getBean(StaffAccounts.class).add("duel-b", "乙律师", Role.LAWYER, "duel lawyer password");
        JdbcClient db = one.getBean(JdbcClient.class);
        java.util.concurrent.ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 20; i++) {
                ChannelIdentity citizen = new ChannelIdentity(Channel.WEB, "default", "duel-" + i + "-" + SCHEMA.substring(15, 23));
                one.getBean(Conversations.class).handle(new InboundMessage(citizen, UUID.randomUUID().toString(), "转人工", Instant.now()));
                long id = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> db
                        .sql("select id from escalation where citizen_id = :c").param("c", citizen.citizenId()).query(Long.class).optional()
                        .orElse(null), java.util.Objects::nonNull);
                java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
                var a = pool.submit(() -> { start.await(); return one.getBean(DutyDesk.class).claim(id, "duel-a"); });
                var b = pool.submit(() -> { start.await(); return two.getBean(DutyDesk.class).claim(id, "duel-b"); });
                start.countDown();
                List<ClaimResult> results = List.of(a.get(), b.get());
                assertThat(results).filteredOn(r -> r instanceof ClaimResult.Claimed).hasSize(1);
                String winner = db.sql("select claimed_by from escalation where id = :id").param("id", id).query(String.class).single();
                assertThat(results).filteredOn(r -> r instanceof ClaimResult.HeldBy)
                        .singleElement().isEqualTo(new ClaimResult.HeldBy(winner));
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void everyEscalationEndsExactlyOnceAndNoneIsLostWhenAnInstanceStops() throws Exception {
        Random random = new Random(42);
        JdbcClient db = one.getBean(JdbcClient.class);
        DutyDesk desk = one.getBean(DutyDesk.class);
        List<Claim> claims = java.util.Collections.synchronizedList(new ArrayList<>());
        ScheduledExecutorService claimers = Executors.newScheduledThreadPool(4);

        for (int i = 0; i < CITIZENS; i++) {
            ChannelIdentity citizen = new ChannelIdentity(Channel.WEB, "default", "race-" + i + "-" + SCHEMA.substring(15, 23));
            ConfigurableApplicationContext via = i % 2 == 0 ? one : two;
            via.getBean(Conversations.class).handle(new InboundMessage(citizen, UUID.randomUUID().toString(), "转人工", Instant.now()));
            long id = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> db
                    .sql("select id from escalation where citizen_id = :c").param("c", citizen.citizenId()).query(Long.class).optional()
                    .orElse(null), java.util.Objects::nonNull);
            if (i % 2 == 1) {
                // around the deadline: from 300 ms before to 300 ms after it
                long at = TIMEOUT.toMillis() - 300 + random.nextInt(600);
                claimers.schedule(() -> claims.add(new Claim(id, desk.claim(id, "race-lawyer"))), at, TimeUnit.MILLISECONDS);
            }
        }
        // one instance stops part-way: the timers it would have fired are fired by the other
        Thread.sleep(500);
        two.close();

        await().atMost(Duration.ofSeconds(40)).until(() ->
                db.sql("select count(*) from escalation where status = 'WAITING'").query(Integer.class).single() == 0
                        && claims.size() == CITIZENS / 2);
        claimers.shutdown();
        // a citizen whose timeout the stopped instance marked but did not tell is told by the
        // other instance's reconciler (every 3 s here)
        await().atMost(Duration.ofSeconds(30)).until(() -> db.sql("select citizen_id from escalation where status = 'TIMED_OUT'")
                .query(String.class).list().stream()
                .allMatch(c -> timeoutMessages.getOrDefault(c, new AtomicInteger()).get() > 0));

        List<Map<String, Object>> rows = db.sql("select id, citizen_id, status, claimed_at, timed_out_at from escalation where citizen_id like 'race-%'")
                .query().listOfRows();
        assertThat(rows).hasSize(CITIZENS);
        for (Map<String, Object> row : rows) {
            String status = (String) row.get("status");
            assertThat(status).as("escalation %s", row.get("id")).isIn("CLAIMED", "TIMED_OUT");
            boolean timedOut = row.get("timed_out_at") != null;
            int told = timeoutMessages.getOrDefault((String) row.get("citizen_id"), new AtomicInteger()).get();
            if (timedOut && status.equals("CLAIMED")) {
                // claimed a moment after its timer: the claim may reach the conversation before the
                // timeout does, and then the citizen hears that a lawyer joined instead — never twice
                assertThat(told).as("timeout messages to %s, claimed late", row.get("citizen_id")).isBetween(0, 1);
            } else {
                assertThat(told).as("timeout messages to %s", row.get("citizen_id")).isEqualTo(timedOut ? 1 : 0);
            }
        }
        for (Claim claim : claims) {
            Map<String, Object> row = rows.stream().filter(r -> ((Number) r.get("id")).longValue() == claim.escalationId()).findFirst().orElseThrow();
            assertThat(claim.result()).as("escalation %s", claim.escalationId()).isInstanceOf(ClaimResult.Claimed.class);
            boolean afterTimeout = ((ClaimResult.Claimed) claim.result()).afterTimeout();
            assertThat(row.get("timed_out_at") != null).as("escalation %s timed out iff its claim came late", claim.escalationId())
                    .isEqualTo(afterTimeout);
        }
        // nothing fired early: every timeout is at or after its deadline
        assertThat(db.sql("""
                select count(*) from escalation where timed_out_at is not null and timed_out_at < due_at""").query(Integer.class).single())
                .isZero();
        long claimedInTime = claims.stream().filter(c -> !((ClaimResult.Claimed) c.result()).afterTimeout()).count();
        assertThat(claimedInTime).as("some claims beat the timer").isPositive();
        assertThat(rows.stream().filter(r -> r.get("timed_out_at") != null).count()).as("some timers fired").isPositive();
    }
}
