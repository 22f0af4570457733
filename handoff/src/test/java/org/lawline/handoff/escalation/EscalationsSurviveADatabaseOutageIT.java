package org.lawline.handoff.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lawline.conversation.Channel;
import org.lawline.conversation.ChannelIdentity;
import org.lawline.conversation.ConversationId;
import org.lawline.conversation.EscalationCancelled;
import org.lawline.conversation.EscalationRequested;
import org.lawline.conversation.EventId;
import org.lawline.conversation.transcript.JournaledEvents;
import org.lawline.handoff.DutyLawyers;
import org.lawline.handoff.HandoffSettings;
import org.lawline.handoff.duty.DutyRoster;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The engine's events reach the escalation queue at least once and change it once: the database
 * goes down between the publication and the listener, and the escalation appears, once, when it
 * is back. Runs on the real PostgreSQL on this machine ({@code jdbc:postgresql://127.0.0.1:5432/test},
 * or {@code -Dlawline.test.postgres-url}), in a schema of its own that is dropped afterwards; the
 * events travel through the engine's event journal and a Spring context, as in the application.
 */
class EscalationsSurviveADatabaseOutageIT {

    private static final String URL = System.getProperty("lawline.test.postgres-url", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String USER = System.getProperty("lawline.test.postgres-user", "postgres");

    @TempDir
    Path journalDir;

    private final String schema = "escalations_" + UUID.randomUUID().toString().replace("-", "");
    private final ChannelIdentity citizen = new ChannelIdentity(Channel.WECHAT, "gh_lawline", "oOutage" + UUID.randomUUID());
    private final Instant now = Instant.parse("2026-12-04T08:00:00Z");
    private JdbcTemplate sql;
    private Switchable database;
    private AnnotationConfigApplicationContext handoff;
    private JournaledEvents events;

    @BeforeEach
    void start() throws Exception {
        try (Connection connection = DriverManager.getConnection(URL, USER, ""); Statement statement = connection.createStatement()) {
            statement.execute("create schema " + schema);
        }
        DataSource real = new DriverManagerDataSource(URL + "?currentSchema=" + schema, USER, "");
        sql = new JdbcTemplate(real);
        // every handoff migration, in version order: a new one is never left out
        Resource[] migrations = new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/handoff/V*__*.sql");
        Arrays.sort(migrations, Comparator.comparing(Resource::getFilename));
        for (Resource migration : migrations) {
            for (String command : migration.getContentAsString(StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "").split(";")) {
                if (!command.isBlank()) {
                    sql.execute(command);
                }
            }
        }
        database = new Switchable(real);
        handoff = new AnnotationConfigApplicationContext();
        handoff.registerBean(JdbcClient.class, () -> JdbcClient.create(database));
        handoff.registerBean(Clock.class, () -> Clock.fixed(now, ZoneOffset.UTC));
        handoff.registerBean(Escalations.class, () -> new Escalations(JdbcClient.create(database)));
        handoff.registerBean(PickupTimers.class, InProcessPickupTimers::new);
        HandoffSettings settings = new HandoffSettings(Duration.ofMinutes(3), Duration.ofMillis(200), Duration.ofMinutes(1),
                "09:00-18:00", java.time.ZoneId.of("Asia/Shanghai"), Duration.ofMinutes(30), 3, Duration.ofHours(1), "unused");
        // one lawyer always on duty: the queue, not the roster, is under test here
        DutyLawyers lawyers = () -> List.of(new DutyLawyers.DutyLawyer("lawyer-wang", "王律师"));
        handoff.registerBean(EscalationLifecycle.class, () -> new EscalationLifecycle(handoff.getBean(Escalations.class),
                handoff.getBean(PickupTimers.class), new DutyRoster(lawyers, JdbcClient.create(database), settings), settings,
                handoff, Clock.fixed(now, ZoneOffset.UTC)));
        handoff.refresh();
        events = new JournaledEvents(handoff, journalDir, Duration.ofMillis(200));
        events.start();
    }

    @AfterEach
    void stop() throws Exception {
        events.close();
        handoff.close();
        try (Connection connection = DriverManager.getConnection(URL, USER, ""); Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + schema + " cascade");
        }
    }

    @Test
    void anEscalationRequestedWhileTheDatabaseIsDown_isQueuedOnceWhenItIsBack() throws Exception {
        ConversationId consultation = ConversationId.next();
        database.down = true;

        events.publish(new EscalationRequested(EventId.next(), consultation, citizen, EscalationRequested.Reason.ASKED_FOR_PERSON, now));
        await().atMost(Duration.ofSeconds(10)).until(() -> database.refused > 2);
        assertThat(openEscalations(consultation)).as("nothing while the database is down").isZero();

        database.down = false;

        await().atMost(Duration.ofSeconds(10)).until(() -> openEscalations(consultation) == 1);
        Thread.sleep(1_000);
        assertThat(sql.queryForObject("select count(*) from escalation where conversation_id = ?", Integer.class,
                consultation.toString())).as("queued once").isEqualTo(1);
    }

    @Test
    void anEventDeliveredAgainAfterARestart_changesNothing() {
        ConversationId consultation = ConversationId.next();
        EscalationRequested requested = new EscalationRequested(EventId.next(), consultation, citizen,
                EscalationRequested.Reason.ASKED_FOR_PERSON, now);
        EscalationLifecycle queue = handoff.getBean(EscalationLifecycle.class);

        queue.on(requested);
        queue.on(requested);

        assertThat(sql.queryForObject("select count(*) from escalation where event_id = ?", Integer.class,
                requested.id().toString())).isEqualTo(1);
    }

    @Test
    void aConsultationHasOneOpenEscalation_andAfterACancelItMayAskAgain() {
        ConversationId consultation = ConversationId.next();
        EscalationLifecycle queue = handoff.getBean(EscalationLifecycle.class);

        queue.on(new EscalationRequested(EventId.next(), consultation, citizen, EscalationRequested.Reason.ASKED_FOR_PERSON, now));
        queue.on(new EscalationRequested(EventId.next(), consultation, citizen, EscalationRequested.Reason.REPEATED_MISSES, now));
        assertThat(openEscalations(consultation)).isEqualTo(1);

        queue.on(new EscalationCancelled(EventId.next(), consultation, citizen, now));
        assertThat(openEscalations(consultation)).isZero();
        queue.on(new EscalationRequested(EventId.next(), consultation, citizen, EscalationRequested.Reason.ASKED_FOR_PERSON, now));

        assertThat(openEscalations(consultation)).isEqualTo(1);
        assertThat(handoff.getBean(Escalations.class).waiting()).filteredOn(escalation -> escalation.citizen().equals(citizen)).hasSize(1);
    }

    @Test
    void theDatabaseRefusesASecondOpenEscalationForAConsultation_whoeverWritesIt() {
        ConversationId consultation = ConversationId.next();
        String insert = "insert into escalation (channel, account, citizen_id, reason, status, requested_at, due_at, conversation_id,"
                + " event_id, open_conversation_id) values ('web', 'default', 'c', 'ASKED_FOR_PERSON', 'WAITING', current_timestamp,"
                + " current_timestamp, ?, ?, ?)";
        sql.update(insert, consultation.toString(), UUID.randomUUID().toString(), consultation.toString());

        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        sql.update(insert, consultation.toString(), UUID.randomUUID().toString(), consultation.toString()))
                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
    }

    private int openEscalations(ConversationId consultation) {
        return sql.queryForObject("select count(*) from escalation where conversation_id = ? and status = 'WAITING'", Integer.class,
                consultation.toString());
    }

    /** A database the test can take down: connections fail while {@link #down} is set. */
    static final class Switchable implements DataSource {
        private final DataSource real;
        volatile boolean down;
        volatile int refused;

        Switchable(DataSource real) {
            this.real = real;
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (down) {
                refused++;
                throw new SQLException("Connection refused (the test took the database down)", "08001");
            }
            return real.getConnection();
        }

        @Override public Connection getConnection(String user, String password) throws SQLException { return getConnection(); }
        @Override public PrintWriter getLogWriter() throws SQLException { return real.getLogWriter(); }
        @Override public void setLogWriter(PrintWriter out) throws SQLException { real.setLogWriter(out); }
        @Override public void setLoginTimeout(int seconds) throws SQLException { real.setLoginTimeout(seconds); }
        @Override public int getLoginTimeout() throws SQLException { return real.getLoginTimeout(); }
        @Override public Logger getParentLogger() throws SQLFeatureNotSupportedException { return real.getParentLogger(); }
        @Override public <T> T unwrap(Class<T> iface) throws SQLException { return real.unwrap(iface); }
        @Override public boolean isWrapperFor(Class<?> iface) throws SQLException { return real.isWrapperFor(iface); }
    }
}
