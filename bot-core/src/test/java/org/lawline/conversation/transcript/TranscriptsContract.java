package org.lawline.conversation.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TimeZone;
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
import org.lawline.conversation.DialogState;
import org.lawline.conversation.ModuleMigrations;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What transcripts promise, against each database LawLine runs on: every turn recorded is stored
 * with every field, whether the database was up, down for a while, or the process restarted in
 * between — and stored once. The migration runs here as written (Flyway belongs to the config
 * module).
 */
abstract class TranscriptsContract {

    /** A fresh, empty database (or schema) with nothing in it yet. */
    abstract DataSource newDatabase() throws Exception;

    /** Drops what {@link #newDatabase} made. */
    abstract void dropDatabase() throws Exception;

    @TempDir
    Path journalDir;

    private Switchable database;
    private JdbcTemplate sql;
    private final List<JournaledTranscripts> opened = new ArrayList<>();
    private final ChannelIdentity citizen = new ChannelIdentity(Channel.WECHAT, "gh_lawline", "oTranscript123");
    private final ConversationId conversation = ConversationId.next();

    @BeforeEach
    void createTheTable() throws Exception {
        DataSource fresh = newDatabase();
        ModuleMigrations.apply(fresh, "conversation");
        database = new Switchable(fresh);
        sql = new JdbcTemplate(fresh);
    }

    @AfterEach
    void closeAndDrop() throws Exception {
        opened.forEach(transcripts -> transcripts.close(Duration.ZERO));
        dropDatabase();
    }

    @Test
    void aTurnIsStoredWithEveryField() {
        JournaledTranscripts transcripts = open();
        TurnRecord asked = new TurnRecord(UUID.randomUUID().toString(), conversation, citizen, Optional.of("msg-1"), TurnRecord.Speaker.CITIZEN,
                "公司拖欠工资怎么办？", Optional.empty(), Optional.empty(), OptionalDouble.empty(), OptionalInt.empty(),
                DialogState.BOT, Instant.parse("2025-03-01T08:00:00.123Z"));
        TurnRecord answered = new TurnRecord(UUID.randomUUID().toString(), conversation, citizen, Optional.of("msg-1"), TurnRecord.Speaker.BOT,
                "可以先向公司书面催告……", Optional.of("answer"), Optional.of("labour-wage-arrears"), OptionalDouble.of(8.25),
                OptionalInt.of(37), DialogState.BOT, Instant.parse("2025-03-01T08:00:00.160Z"));

        transcripts.record(asked);
        transcripts.record(answered);

        assertThat(transcripts.awaitStored(2, Duration.ofSeconds(10))).isTrue();
        Map<String, Object> row = sql.queryForMap("select * from conversation_turn where id = ?", answered.id());
        assertThat(row).containsEntry("CHANNEL", "wechat").containsEntry("ACCOUNT", "gh_lawline")
                .containsEntry("CITIZEN_ID", "oTranscript123").containsEntry("MESSAGE_ID", "msg-1")
                .containsEntry("SPEAKER", "BOT").containsEntry("BODY", "可以先向公司书面催告……")
                .containsEntry("REPLY_KIND", "answer").containsEntry("ENTRY_ID", "labour-wage-arrears")
                .containsEntry("LATENCY_MS", 37).containsEntry("DIALOG_STATE", "BOT")
                .containsEntry("CONVERSATION_ID", conversation.toString());
        assertThat(((Number) row.get("SCORE")).doubleValue()).isEqualTo(8.25);
        assertThat(sql.queryForObject("select occurred_at from conversation_turn where id = ?", OffsetDateTime.class, answered.id())
                .toInstant()).isEqualTo(answered.occurredAt());
        Map<String, Object> question = sql.queryForMap("select * from conversation_turn where id = ?", asked.id());
        assertThat(question).containsEntry("SPEAKER", "CITIZEN").containsEntry("REPLY_KIND", null).containsEntry("SCORE", null);
    }

    @Test
    void aTurnsTimeIsStoredAsTheSameInstant_whateverZoneTheJvmWroteItIn() {
        TimeZone zone = TimeZone.getDefault();
        TurnRecord asked = TurnRecord.citizen(conversation, citizen, "m-zone", "几点了", DialogState.BOT,
                Instant.parse("2025-03-01T23:30:00.250Z"));
        JournaledTranscripts transcripts = open();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Asia/Shanghai"));
            transcripts.record(asked);
            assertThat(transcripts.awaitStored(1, Duration.ofSeconds(10))).isTrue();
        } finally {
            TimeZone.setDefault(zone);
        }
        TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));
        try {
            assertThat(sql.queryForObject("select occurred_at from conversation_turn where id = ?", OffsetDateTime.class, asked.id())
                    .toInstant()).isEqualTo(asked.occurredAt());
        } finally {
            TimeZone.setDefault(zone);
        }
    }

    @Test
    void aPhoneNumberTypedIntoAChatIsMaskedInTheTranscript_andInTheJournalBeforeIt() throws IOException {
        JournaledTranscripts transcripts = open();
        transcripts.record(TurnRecord.citizen(conversation, citizen, "m-phone", "请回电 138 0013 8000，谢谢", DialogState.COLLECTING_PHONE,
                Instant.now()));

        assertThat(transcripts.awaitStored(1, Duration.ofSeconds(10))).isTrue();
        assertThat(sql.queryForObject("select body from conversation_turn where message_id = 'm-phone'", String.class))
                .isEqualTo("请回电 138****8000，谢谢");
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(journalDir)) {
            for (Path file : files.filter(java.nio.file.Files::isRegularFile).toList()) {
                assertThat(java.nio.file.Files.readString(file)).doesNotContain("138 0013 8000");
            }
        }
    }

    @Test
    void thePurgeStripsOldTurnsOfTextAndIdentity_keepsWhatReportsCount_andLeavesNewTurns() {
        JournaledTranscripts transcripts = open();
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        TurnRecord old = new TurnRecord(UUID.randomUUID().toString(), conversation, citizen, Optional.of("msg-old"), TurnRecord.Speaker.BOT,
                "可以先向公司书面催告……", Optional.of("answer"), Optional.of("labour-wage-arrears"), OptionalDouble.of(8.25),
                OptionalInt.of(37), DialogState.BOT, now.minus(Duration.ofDays(200)));
        TurnRecord recent = TurnRecord.citizen(conversation, citizen, "msg-new", "公司拖欠工资怎么办？", DialogState.BOT, now.minus(Duration.ofDays(2)));
        transcripts.record(old);
        transcripts.record(recent);
        assertThat(transcripts.awaitStored(2, Duration.ofSeconds(10))).isTrue();
        TranscriptPurge purge = new TranscriptPurge(database, new ForgettingStore());

        assertThat(purge.stripOlderThan(now.minus(Duration.ofDays(180))))
                .containsExactly(new org.lawline.conversation.PurgeCount("conversation_turn", 1),
                        new org.lawline.conversation.PurgeCount("turn_feedback", 0));
        assertThat(purge.stripOlderThan(now.minus(Duration.ofDays(180))))
                .as("a second run finds nothing left to strip")
                .containsExactly(new org.lawline.conversation.PurgeCount("conversation_turn", 0),
                        new org.lawline.conversation.PurgeCount("turn_feedback", 0));

        Map<String, Object> stripped = sql.queryForMap("select * from conversation_turn where id = ?", old.id());
        assertThat(stripped).containsEntry("BODY", "").containsEntry("CITIZEN_ID", "purged").containsEntry("MESSAGE_ID", null)
                .containsEntry("CHANNEL", "wechat").containsEntry("REPLY_KIND", "answer").containsEntry("ENTRY_ID", "labour-wage-arrears")
                .containsEntry("DIALOG_STATE", "BOT").containsEntry("CONVERSATION_ID", conversation.toString());
        assertThat(sql.queryForObject("select occurred_at from conversation_turn where id = ?", OffsetDateTime.class, old.id()).toInstant())
                .isEqualTo(old.occurredAt());
        assertThat(sql.queryForMap("select body, citizen_id from conversation_turn where id = ?", recent.id()))
                .containsEntry("BODY", "公司拖欠工资怎么办？").containsEntry("CITIZEN_ID", "oTranscript123");
    }

    @Test
    void thePurgeDropsOldSetAsideJournalLines_andForgettingACitizenDropsTheirs() throws IOException {
        Instant now = Instant.now();
        new SetAsideLines(Files.createDirectories(journalDir.resolve("0")), java.time.Clock.fixed(now.minus(Duration.ofDays(200)),
                java.time.ZoneOffset.UTC)).keep("{\"citizenId\":\"oLongAgo\",\"text\":\"很久以前的一句\"}");
        SetAsideLines today = new SetAsideLines(Files.createDirectories(journalDir.resolve("events").resolve("0")),
                java.time.Clock.fixed(now, java.time.ZoneOffset.UTC));
        today.keep("{\"citizenId\":\"" + citizen.citizenId() + "\",\"text\":\"离婚怎么分财产\"}");
        today.keep("{\"citizenId\":\"oSomeoneElse\",\"text\":\"工伤怎么认定\"}");
        TranscriptPurge purge = new TranscriptPurge(database, new ForgettingStore(), Optional.of(journalDir));

        assertThat(purge.stripOlderThan(now.minus(Duration.ofDays(180))))
                .contains(new org.lawline.conversation.PurgeCount("journal_set_aside_line", 1));
        assertThat(purge.forget(new org.lawline.conversation.DataSubject.OnChannel(Channel.WECHAT, citizen.citizenId())))
                .contains(new org.lawline.conversation.PurgeCount("journal_set_aside_line", 1));
        assertThat(Files.readAllLines(today.today())).containsExactly("{\"citizenId\":\"oSomeoneElse\",\"text\":\"工伤怎么认定\"}");
    }

    @Test
    void thePurgeStripsMoreOldTurnsThanOneBatchHolds() {
        int turns = org.lawline.conversation.PersonalDataPurge.BATCH * 2 + 500;
        java.sql.Timestamp old = java.sql.Timestamp.from(Instant.now().minus(Duration.ofDays(400)));
        sql.batchUpdate("insert into conversation_turn (id, channel, account, citizen_id, speaker, body, dialog_state, occurred_at)"
                        + " values (?, 'sms', 'default', '13800138000', 'CITIZEN', '我的电话13800138000', 'BOT', ?)",
                java.util.stream.IntStream.range(0, turns).mapToObj(i -> new Object[] {UUID.randomUUID().toString(), old}).toList());

        assertThat(new TranscriptPurge(database, new ForgettingStore()).stripOlderThan(Instant.now().minus(Duration.ofDays(180))))
                .containsExactly(new org.lawline.conversation.PurgeCount("conversation_turn", turns),
                        new org.lawline.conversation.PurgeCount("turn_feedback", 0));
        assertThat(sql.queryForObject("select count(*) from conversation_turn where citizen_id <> 'purged' or body <> ''", Integer.class))
                .isZero();
    }

    @Test
    void forgettingACitizenStripsOnlyTheirTurns_andDeletesTheirConversationState() {
        JournaledTranscripts transcripts = open();
        ChannelIdentity other = new ChannelIdentity(Channel.WECHAT, "gh_lawline", "oSomeoneElse");
        ChannelIdentity sameIdOtherChannel = new ChannelIdentity(Channel.WEIBO, "default", citizen.citizenId());
        transcripts.record(TurnRecord.citizen(conversation, citizen, "m-1", "离婚怎么分财产", DialogState.BOT, Instant.now()));
        transcripts.record(TurnRecord.citizen(ConversationId.next(), other, "m-2", "工伤怎么认定", DialogState.BOT, Instant.now()));
        transcripts.record(TurnRecord.citizen(ConversationId.next(), sameIdOtherChannel, "m-3", "租房押金不退", DialogState.BOT, Instant.now()));
        assertThat(transcripts.awaitStored(3, Duration.ofSeconds(10))).isTrue();
        ForgettingStore store = new ForgettingStore();

        assertThat(new TranscriptPurge(database, store).forget(new org.lawline.conversation.DataSubject.OnChannel(Channel.WECHAT,
                citizen.citizenId()))).containsExactly(new org.lawline.conversation.PurgeCount("conversation_turn", 1),
                        new org.lawline.conversation.PurgeCount("turn_feedback", 0));

        assertThat(sql.queryForList("select body from conversation_turn", String.class))
                .containsExactlyInAnyOrder("", "工伤怎么认定", "租房押金不退");
        assertThat(store.deleted).containsExactly(citizen);
    }

    /** Remembers whose state was deleted. */
    static final class ForgettingStore implements org.lawline.conversation.ConversationStore {
        final List<ChannelIdentity> deleted = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public Optional<org.lawline.conversation.ConversationSnapshot> load(ChannelIdentity who) {
            return Optional.empty();
        }

        @Override
        public void save(ChannelIdentity who, org.lawline.conversation.ConversationSnapshot snapshot) {
        }

        @Override
        public void delete(ChannelIdentity who) {
            deleted.add(who);
        }
    }

    @Test
    void whatACitizenCanTypeIsStored() {
        JournaledTranscripts transcripts = open();
        List<String> texts = List.of("\u0000\u0001\u0007", "😀🙏👍🔥", "问".repeat(10_000), "'; DROP TABLE conversation_turn; --", "\uD800");
        texts.forEach(text -> transcripts.record(TurnRecord.citizen(conversation, citizen, "m", text, DialogState.BOT, Instant.now())));

        assertThat(transcripts.awaitStored(texts.size(), Duration.ofSeconds(10))).isTrue();
        assertThat(count()).isEqualTo(texts.size());
        assertThat(sql.queryForList("select body from conversation_turn", String.class)).contains("😀🙏👍🔥", "问".repeat(10_000));
    }

    @Test
    void turnsRecordedWhileTheDatabaseIsDownAreStoredOnceItIsBack_andRecordingNeverWaitsForIt() {
        database.down = true;
        JournaledTranscripts transcripts = open();

        // a guard against hanging, not a speed limit: recording that waited for the database
        // would never finish while it is down
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (int i = 0; i < 500; i++) {
                transcripts.record(TurnRecord.citizen(conversation, citizen, "m" + i, "问题" + i, DialogState.BOT, Instant.now()));
            }
        });
        sleep(300);
        assertThat(count()).isZero();

        database.down = false;

        assertThat(transcripts.awaitStored(500, Duration.ofSeconds(20))).isTrue();
        assertThat(count()).isEqualTo(500);
    }

    @Test
    void aJournalLeftByTheLastRunIsStoredOnTheNextStart_andNothingTwice() throws IOException {
        JournaledTranscripts first = open();
        for (int i = 0; i < 10; i++) {
            first.record(TurnRecord.citizen(conversation, citizen, "m" + i, "问题" + i, DialogState.BOT, Instant.now()));
        }
        assertThat(first.awaitStored(10, Duration.ofSeconds(10))).isTrue();
        database.down = true;
        for (int i = 10; i < 25; i++) {
            first.record(TurnRecord.citizen(conversation, citizen, "m" + i, "问题" + i, DialogState.BOT, Instant.now()));
        }
        first.close(Duration.ZERO);
        opened.remove(first);
        database.down = false;

        JournaledTranscripts second = open();

        // the ten stored before the restart are offered to the database again with the rest
        assertThat(second.awaitStored(25, Duration.ofSeconds(20))).as("the whole journal read again").isTrue();
        second.record(TurnRecord.citizen(conversation, citizen, "m25", "问题25", DialogState.BOT, Instant.now()));
        assertThat(second.awaitStored(26, Duration.ofSeconds(10))).isTrue();
        // by message, not by row id: a replay that stored a turn again under a new id, or a
        // writer that lost the first ten's ids, shows here though the id is a primary key
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            expected.add("m" + i);
        }
        assertThat(sql.queryForList("select message_id from conversation_turn", String.class))
                .as("every turn stored, none twice").containsExactlyInAnyOrderElementsOf(expected);
        assertThat(sql.queryForList("select distinct id from conversation_turn", String.class)).hasSize(26);
        // a turn already stored is skipped, not refused: a writer that took the database's
        // duplicate-key answer for a bad row would set the ten aside as broken
        try (var files = Files.walk(journalDir)) {
            assertThat(files.filter(file -> file.getFileName().toString().startsWith("refused")).toList())
                    .as("turns set aside as refused").isEmpty();
        }
    }

    @Test
    void anUnreadableLineIsSetAside_andTheRestAreStored() throws IOException {
        JournaledTranscripts transcripts = open();
        transcripts.close(Duration.ZERO);
        opened.remove(transcripts);
        Path slot = journalDir.resolve("0");
        try (var segments = Files.list(slot)) {
            Path segment = segments.filter(file -> file.toString().endsWith(".jsonl")).findFirst().orElseThrow();
            Files.writeString(segment, "{\"id\":\"half a line from a crash\n", StandardOpenOption.APPEND);
        }

        JournaledTranscripts next = open();
        next.record(TurnRecord.citizen(conversation, citizen, "m1", "问题", DialogState.BOT, Instant.now()));

        assertThat(next.awaitStored(1, Duration.ofSeconds(10))).isTrue();
        assertThat(count()).isEqualTo(1);
        try (var files = Files.list(slot)) {
            Path refused = files.filter(file -> file.getFileName().toString().startsWith("refused-")).findFirst().orElseThrow();
            assertThat(Files.readString(refused)).contains("half a line from a crash");
        }
    }

    @Test
    void twoTranscriptWritersInOneProcessTakeTheirOwnJournals() {
        JournaledTranscripts one = open();
        JournaledTranscripts other = open();
        one.record(TurnRecord.citizen(conversation, citizen, "m1", "一", DialogState.BOT, Instant.now()));
        other.record(TurnRecord.citizen(conversation, citizen, "m2", "二", DialogState.BOT, Instant.now()));

        assertThat(one.awaitStored(1, Duration.ofSeconds(10))).isTrue();
        assertThat(other.awaitStored(1, Duration.ofSeconds(10))).isTrue();
        assertThat(count()).isEqualTo(2);
    }

    private JournaledTranscripts open() {
        JournaledTranscripts transcripts = new JournaledTranscripts(database, journalDir, 50, Duration.ofMillis(200));
        opened.add(transcripts);
        return transcripts;
    }

    private int count() {
        return sql.queryForObject("select count(*) from conversation_turn", Integer.class);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A database the test can take down: connections fail while {@link #down} is set. */
    static final class Switchable implements DataSource {
        private final DataSource real;
        volatile boolean down;

        Switchable(DataSource real) {
            this.real = real;
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (down) {
                throw new SQLException("Connection refused (the test took the database down)", "08001");
            }
            return real.getConnection();
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return getConnection();
        }

        @Override public PrintWriter getLogWriter() throws SQLException { return real.getLogWriter(); }
        @Override public void setLogWriter(PrintWriter out) throws SQLException { real.setLogWriter(out); }
        @Override public void setLoginTimeout(int seconds) throws SQLException { real.setLoginTimeout(seconds); }
        @Override public int getLoginTimeout() throws SQLException { return real.getLoginTimeout(); }
        @Override public Logger getParentLogger() throws SQLFeatureNotSupportedException { return real.getParentLogger(); }
        @Override public <T> T unwrap(Class<T> type) throws SQLException { return real.unwrap(type); }
        @Override public boolean isWrapperFor(Class<?> type) throws SQLException { return real.isWrapperFor(type); }
    }
}
