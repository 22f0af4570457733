package org.lawline.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.lawline.conversation.Channel;
import org.lawline.conversation.DataSubject;
import org.lawline.conversation.MobileNumber;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Retention and deletion on request across every module's tables, on a database of the test's
 * own: what each module keeps of a citizen, written as the modules write it, then purged by the
 * application's {@link PersonalDataPurges}. H2 and PostgreSQL run the same tests.
 */
abstract class RetentionContract {

    @Autowired
    PersonalDataPurges purges;
    @Autowired
    JdbcClient db;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private final Instant old = now.minus(Duration.ofDays(200));
    private final Instant recent = now.minus(Duration.ofDays(2));

    /** One citizen's trace in every module: a WeChat chat that went to a lawyer, then to a 12348 callback. */
    record Trace(String openid, String phone, String turn, long claim, long part, long escalation, long message, long callback,
                 long webMessage, String voicemail) {
    }

    private Trace trace(Instant at, String status) {
        String openid = "oPurge" + UUID.randomUUID().toString().substring(0, 12);
        String phone = "139" + String.format("%08d", Math.abs(openid.hashCode()) % 100_000_000);
        String conversation = UUID.randomUUID().toString();
        String turn = UUID.randomUUID().toString();
        db.sql("""
                insert into conversation_turn (id, channel, account, citizen_id, message_id, speaker, body, reply_kind, entry_id, score,
                    latency_ms, dialog_state, occurred_at, conversation_id)
                values (:id, 'wechat', 'gh_city', :c, 'msg-1', 'BOT', :body, 'answer', 'll-wage-001', 7.5, 40, 'BOT', :at, :conv)""")
                .param("id", turn).param("c", openid).param("body", "我的电话" + phone + "，老板欠薪").param("at", ts(at))
                .param("conv", conversation).update();
        db.sql("""
                insert into inbound_claim (channel, account, citizen_id, claim_key, kind, status, version, payload, answer, received_at, updated_at)
                values ('wechat', 'gh_city', :c, :key, 'text', :status, 0, '<xml>老板欠薪</xml>', '<xml>回答</xml>', :at, :at)""")
                .param("c", openid).param("key", "msg-" + openid).param("status", "ANSWERED").param("at", ts(at)).update();
        long claim = id("inbound_claim", "claim_key", "msg-" + openid);
        db.sql("""
                insert into outbound_part (message_id, channel, account, citizen_id, purpose, reply_kind, in_reply_to, part_no, text, state,
                    created_at, updated_at, conversation_id)
                values (:m, 'wechat', 'gh_city', :c, 'REPLY', 'answer', :key, 1, '律师回复：请带上劳动合同', 'SENT', :at, :at, :conv)""")
                .param("m", conversation).param("c", openid).param("key", "msg-" + openid).param("at", ts(at)).param("conv", conversation)
                .update();
        long part = id("outbound_part", "message_id", conversation);
        db.sql("insert into channel_subscriber (channel, account, citizen_id, subscribed, changed_at) values ('wechat', 'gh_city', :c, true, :at)")
                .param("c", openid).param("at", ts(at)).update();
        db.sql("""
                insert into escalation (channel, account, citizen_id, reason, status, requested_at, closed_at, conversation_id, event_id,
                    due_at, citizen_phone, claimed_by, claimed_at, outcome, close_note)
                values ('wechat', 'gh_city', :c, 'ASKED_FOR_PERSON', :status, :at, :at, :conv, :event, :at, :phone, 'zhang', :at,
                    'ANSWERED', '市民说他住在幸福路3号')""")
                .param("c", openid).param("status", status).param("at", ts(at)).param("conv", conversation)
                .param("event", UUID.randomUUID().toString()).param("phone", phone).update();
        long escalation = id("escalation", "citizen_id", openid);
        db.sql("insert into lawyer_message (escalation_id, lawyer, body, sent_at) values (:e, 'zhang', '请拨打我的电话详谈', :at)")
                .param("e", escalation).param("at", ts(at)).update();
        long message = id("lawyer_message", "escalation_id", escalation);
        db.sql("insert into turn_feedback (turn_id, channel, account, citizen_id, verdict, given_at) values (:t, 'wechat', 'gh_city', :c, 'USEFUL', :at)")
                .param("t", turn).param("c", openid).param("at", ts(at)).update();
        db.sql("insert into follower_number (phone, channel, account, citizen_id, given_at) values (:phone, 'wechat', 'gh_city', :c, :at)")
                .param("phone", phone).param("c", openid).param("at", ts(at)).update();
        db.sql("""
                insert into callback_request (escalation_id, phone, status, attempts, requested_at, due_by, outcome, note, done_at)
                values (:e, :phone, 'REACHED', 1, :at, :at, 'REACHED', '已回电，市民说明了家庭住址', :at)""")
                .param("e", escalation).param("phone", phone).param("at", ts(at)).update();
        long callback = id("callback_request", "escalation_id", escalation);
        String webId = "w" + openid;
        db.sql("insert into web_message (citizen_id, kind, text, sent_at) values (:c, 'lawyer', '律师的回复', :at)")
                .param("c", webId).param("at", LocalDateTime.ofInstant(at, ZoneOffset.UTC)).update();
        long webMessage = id("web_message", "citizen_id", webId);
        String voicemail = "vm-" + UUID.randomUUID();
        db.sql("""
                insert into hotline_voicemail (id, caller_number, received_at, text, recording_url, suggested_entry, suggested_answer, taken_at)
                values (:id, :phone, :at, '我被公司辞退了', 'https://hotline.example/rec/1.wav', 'll-dismissal-001', '可以申请劳动仲裁', :at)""")
                .param("id", voicemail).param("phone", phone).param("at", ts(at)).update();
        return new Trace(openid, phone, turn, claim, part, escalation, message, callback, webMessage, voicemail);
    }

    @Test
    void thePurgeStripsEveryModulesOldRecords_keepsTheNewOnes_andKeepsWhatReportsCount() {
        Trace before = trace(old, "CLOSED");
        Trace after = trace(recent, "CLOSED");

        PurgeReport report = purges.purgeExpired();

        // the journals' set-aside lines are files shared by every test of this context: counted, but not by this trace alone
        assertThat(report.counts()).filteredOn(c -> !c.kind().equals("journal_set_aside_line"))
                .extracting(c -> c.kind() + " " + c.records()).containsExactlyInAnyOrder(
                "conversation_turn 1", "inbound_claim 1", "outbound_part 1", "web_message 1", "hotline_voicemail 1",
                "escalation 1", "lawyer_message 1", "callback_request 1", "turn_feedback 1", "follower_number 1");
        assertThat(report.counts()).extracting(c -> c.kind()).contains("journal_set_aside_line");
        assertStripped(before);
        assertUntouched(after);
        assertThat(purges.purgeExpired().total()).as("a second run finds nothing left to strip").isZero();
    }

    @Test
    void whatIsStillInProgressWaitsUntilItIsDone() {
        Trace waiting = trace(old, "WAITING");
        db.sql("update inbound_claim set status = 'ANSWERING' where id = :id").param("id", waiting.claim()).update();
        db.sql("update outbound_part set state = 'SENDING' where id = :id").param("id", waiting.part()).update();

        purges.purgeExpired();

        assertThat(row("escalation", waiting.escalation())).containsEntry("CITIZEN_ID", waiting.openid());
        assertThat(row("lawyer_message", waiting.message())).containsEntry("BODY", "请拨打我的电话详谈");
        assertThat(row("inbound_claim", waiting.claim())).containsEntry("CITIZEN_ID", waiting.openid());
        assertThat(row("outbound_part", waiting.part())).containsEntry("TEXT", "律师回复：请带上劳动合同");
        assertThat(row("conversation_turn", waiting.turn())).containsEntry("BODY", "");
    }

    @Test
    void forgettingACitizenStripsTheirRecordsInEveryModule_howeverRecent_andNobodyElses() {
        Trace citizen = trace(recent, "CLOSED");
        Trace someoneElse = trace(recent, "CLOSED");

        PurgeReport report = purges.forget(new DataSubject.OnChannel(Channel.WECHAT, citizen.openid()));

        assertThat(report.counts()).extracting(c -> c.kind() + " " + c.records()).contains(
                "conversation_turn 1", "inbound_claim 1", "outbound_part 1", "channel_subscriber 1", "escalation 1",
                "lawyer_message 1", "callback_request 1");
        assertThat(row("conversation_turn", citizen.turn())).containsEntry("BODY", "").containsEntry("CITIZEN_ID", "purged");
        assertThat(row("escalation", citizen.escalation())).containsEntry("CITIZEN_ID", "purged").containsEntry("CITIZEN_PHONE", null);
        assertThat(row("callback_request", citizen.callback())).containsEntry("PHONE", "");
        assertThat(db.sql("select count(*) from channel_subscriber where citizen_id = :c").param("c", citizen.openid())
                .query(Integer.class).single()).isZero();
        assertUntouched(someoneElse);
    }

    @Test
    void forgettingAPhoneNumberReachesTheCallbackTheVoicemailAndTheEscalation_butLeavesAnUnsubscriptionInForce() {
        Trace citizen = trace(recent, "TIMED_OUT");
        Trace someoneElse = trace(recent, "TIMED_OUT");
        db.sql("update callback_request set status = 'PENDING', done_at = null where id = :id").param("id", citizen.callback()).update();
        db.sql("insert into channel_subscriber (channel, account, citizen_id, subscribed, changed_at) values ('sms', 'default', :p, false, :at)")
                .param("p", citizen.phone()).param("at", ts(recent)).update();

        purges.forget(new DataSubject.ByPhone(new MobileNumber(citizen.phone())));

        assertThat(row("callback_request", citizen.callback())).containsEntry("PHONE", "").containsEntry("STATUS", "CANCELLED");
        assertThat(row("hotline_voicemail", citizen.voicemail())).containsEntry("CALLER_NUMBER", "").containsEntry("TEXT", "")
                .containsEntry("SUGGESTED_ENTRY", "ll-dismissal-001");
        assertThat(row("escalation", citizen.escalation())).containsEntry("CITIZEN_ID", "purged").containsEntry("CITIZEN_PHONE", null);
        assertThat(db.sql("select subscribed from channel_subscriber where citizen_id = :p").param("p", citizen.phone())
                .query(Boolean.class).list()).as("TD / 退订 keeps holding").containsExactly(false);
        assertUntouched(someoneElse);
    }

    @Test
    void theDailyJobRunsOnceWhenTwoInstancesFire() throws Exception {
        Trace before = trace(old, "CLOSED");
        // a day of its own, so that the other tests' runs do not count
        Clock day = Clock.fixed(Instant.parse("2031-01-01T19:30:00Z").plus(Duration.ofDays(Math.abs(before.openid().hashCode()) % 3000)),
                ZoneOffset.UTC);
        DailyPurge one = new DailyPurge(purges, db, day);
        DailyPurge two = new DailyPurge(purges, db, day);
        CountDownLatch fire = new CountDownLatch(1);
        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            List<Future<Optional<PurgeReport>>> runs = new ArrayList<>();
            for (DailyPurge instance : List.of(one, two)) {
                runs.add(instances.submit(() -> {
                    fire.await();
                    return instance.runOnce();
                }));
            }
            fire.countDown();
            List<Optional<PurgeReport>> reports = new ArrayList<>();
            for (Future<Optional<PurgeReport>> run : runs) {
                reports.add(run.get());
            }

            assertThat(reports.stream().filter(Optional::isPresent)).hasSize(1);
            assertThat(db.sql("select count(*) from purge_run where run_on = :d")
                    .param("d", java.time.LocalDate.now(day.withZone(DailyPurge.CITY))).query(Integer.class).single()).isEqualTo(1);
            assertThat(db.sql("select finished_at from purge_run where run_on = :d")
                    .param("d", java.time.LocalDate.now(day.withZone(DailyPurge.CITY))).query(Timestamp.class).single()).isNotNull();
            assertStripped(before);
            assertThat(one.runOnce()).as("the same day again: already run").isEmpty();
        } finally {
            instances.shutdownNow();
        }
    }

    private void assertStripped(Trace t) {
        assertThat(db.sql("select citizen_id || ' ' || verdict from turn_feedback where turn_id = :t").param("t", t.turn())
                .query(String.class).single()).as("the verdict is kept for the reports, not whose it was").isEqualTo("purged USEFUL");
        assertThat(db.sql("select count(*) from follower_number where phone = :p").param("p", t.phone()).query(Integer.class).single())
                .as("a number given for a callback long ago").isZero();
        assertThat(row("conversation_turn", t.turn())).containsEntry("BODY", "").containsEntry("CITIZEN_ID", "purged")
                .containsEntry("CHANNEL", "wechat").containsEntry("REPLY_KIND", "answer").containsEntry("ENTRY_ID", "ll-wage-001")
                .containsEntry("LATENCY_MS", 40);
        assertThat(row("inbound_claim", t.claim())).containsEntry("PAYLOAD", null).containsEntry("ANSWER", null)
                .containsEntry("CITIZEN_ID", "purged").containsEntry("CHANNEL", "wechat").containsEntry("STATUS", "ANSWERED");
        assertThat(row("outbound_part", t.part())).containsEntry("TEXT", "").containsEntry("CITIZEN_ID", "purged")
                .containsEntry("STATE", "SENT").containsEntry("PURPOSE", "REPLY").containsEntry("REPLY_KIND", "answer");
        assertThat(row("escalation", t.escalation())).containsEntry("CITIZEN_ID", "purged").containsEntry("CITIZEN_PHONE", null)
                .containsEntry("CLOSE_NOTE", null).containsEntry("STATUS", "CLOSED").containsEntry("OUTCOME", "ANSWERED")
                .containsEntry("REASON", "ASKED_FOR_PERSON").containsEntry("CHANNEL", "wechat").containsEntry("CLAIMED_BY", "zhang");
        assertThat(row("escalation", t.escalation()).get("REQUESTED_AT")).isNotNull();
        assertThat(row("lawyer_message", t.message())).containsEntry("BODY", "");
        assertThat(row("callback_request", t.callback())).containsEntry("PHONE", "").containsEntry("NOTE", null)
                .containsEntry("STATUS", "REACHED").containsEntry("OUTCOME", "REACHED");
        assertThat(row("web_message", t.webMessage())).containsEntry("TEXT", "").containsEntry("KIND", "lawyer");
        assertThat(row("hotline_voicemail", t.voicemail())).containsEntry("CALLER_NUMBER", "").containsEntry("TEXT", "")
                .containsEntry("RECORDING_URL", "").containsEntry("SUGGESTED_ANSWER", null).containsEntry("SUGGESTED_ENTRY", "ll-dismissal-001");
        String everything = String.join("\n", List.of("conversation_turn", "inbound_claim", "outbound_part", "escalation", "callback_request",
                "hotline_voicemail").stream().map(table -> row(table, switch (table) {
                    case "conversation_turn" -> t.turn();
                    case "inbound_claim" -> t.claim();
                    case "outbound_part" -> t.part();
                    case "escalation" -> t.escalation();
                    case "callback_request" -> t.callback();
                    default -> t.voicemail();
                }).toString()).toList());
        assertThat(everything).doesNotContain(t.phone()).doesNotContain(t.openid());
    }

    private void assertUntouched(Trace t) {
        assertThat(db.sql("select citizen_id from turn_feedback where turn_id = :t").param("t", t.turn()).query(String.class).single())
                .isEqualTo(t.openid());
        assertThat(db.sql("select count(*) from follower_number where phone = :p").param("p", t.phone()).query(Integer.class).single())
                .isEqualTo(1);
        assertThat(row("conversation_turn", t.turn())).containsEntry("CITIZEN_ID", t.openid())
                .containsEntry("BODY", "我的电话" + t.phone() + "，老板欠薪");
        assertThat(row("inbound_claim", t.claim())).containsEntry("CITIZEN_ID", t.openid()).containsEntry("ANSWER", "<xml>回答</xml>");
        assertThat(row("outbound_part", t.part())).containsEntry("TEXT", "律师回复：请带上劳动合同");
        assertThat(row("escalation", t.escalation())).containsEntry("CITIZEN_ID", t.openid()).containsEntry("CITIZEN_PHONE", t.phone());
        assertThat(row("lawyer_message", t.message())).containsEntry("BODY", "请拨打我的电话详谈");
        assertThat(row("callback_request", t.callback())).containsEntry("PHONE", t.phone());
        assertThat(row("web_message", t.webMessage())).containsEntry("TEXT", "律师的回复");
        assertThat(row("hotline_voicemail", t.voicemail())).containsEntry("CALLER_NUMBER", t.phone());
    }

    /** The row, its column names upper-cased whatever the database reports. */
    private Map<String, Object> row(String table, Object id) {
        Map<String, Object> row = new java.util.HashMap<>();
        db.sql("select * from " + table + " where id = :id").param("id", id).query().singleRow()
                .forEach((column, value) -> row.put(column.toUpperCase(java.util.Locale.ROOT), value));
        return row;
    }

    private long id(String table, String column, Object value) {
        return db.sql("select max(id) from " + table + " where " + column + " = :v").param("v", value).query(Long.class).single();
    }

    private static Timestamp ts(Instant at) {
        return Timestamp.from(at);
    }
}
