package org.lawline.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lawline.handoff.escalation.PickupTimeouts;
import org.lawline.security.Role;
import org.lawline.security.StaffAccounts;
import org.lawline.security.StaffBrowser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The inbox's JSON API over HTTP, with real sessions, on the whole application: a citizen on the
 * web chat asks for a person, a lawyer claims, replies and closes, a second lawyer is refused;
 * a timed-out chat becomes a callback an operator sees and marks.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class InboxApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "inbox test password";

    @LocalServerPort
    int port;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    JdbcClient db;
    @Autowired
    PickupTimeouts pickupTimeouts;

    private final HttpClient http = HttpClient.newHttpClient();

    private StaffBrowser signedIn(Role role, String displayName) throws Exception {
        return StaffBrowser.signedIn(port, StaffBrowser.newAccount(accounts, role, displayName, PASSWORD), PASSWORD);
    }

    private JsonNode citizenSays(String citizen, String text) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/web/messages"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + tokens.get(citizen))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(java.util.Map.of("citizenId", citizen, "text", text))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private String citizenMailbox(String citizen) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/web/messages?citizenId=" + citizen + "&after=0"))
                .header("Authorization", "Bearer " + tokens.get(citizen))
                .GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /**
     * The citizen's web mailbox once it holds these words: replies reach it through the outbox's
     * workers, a moment after the conversation has moved (seen in CI: state COLLECTING_PHONE,
     * mailbox still empty).
     */
    private String mailboxOnceItHolds(String citizen, String words) {
        return org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15))
                .until(() -> citizenMailbox(citizen), text -> text.contains(words));
    }

    /** The citizen's escalation, once the request has reached handoff through the event journal. */
    private long escalationOf(String citizen) {
        return org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).until(
                () -> db.sql("select max(id) from escalation where citizen_id = :c").param("c", citizen).query(Long.class).optional()
                        .orElse(null),
                java.util.Objects::nonNull);
    }

    /**
     * Waits until what the citizen wrote is in {@code conversation_turn}, where the inbox reads the
     * transcript from: turns reach the database from the local journal on the transcript writer's
     * thread, which the engine feeds after it has published the turn's events (so the escalation
     * may be there before its turns).
     */
    private void turnStored(String citizen, String words) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).until(() -> db.sql(
                        "select count(*) from conversation_turn where citizen_id = :c and speaker = 'CITIZEN' and body = :b")
                .param("c", citizen).param("b", words).query(Integer.class).single() > 0);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** The web chat's session tokens of the citizens this test opened, by citizen id. */
    private final java.util.Map<String, String> tokens = new java.util.concurrent.ConcurrentHashMap<>();

    /** A citizen as the web page makes one: the server issues the id and its token. */
    private String citizen() throws Exception {
        HttpResponse<String> opened = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/web/session"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);
        JsonNode session = JSON.readTree(opened.body());
        tokens.put(session.get("citizenId").asString(), session.get("token").asString());
        return session.get("citizenId").asString();
    }

    @Test
    void aCitizenAskingForAPersonWaitsInTheListWithTheLastMessageAndAMaskedId() throws Exception {
        StaffBrowser lawyer = signedIn(Role.LAWYER, "王律师");
        String citizen = citizen();
        citizenSays(citizen, "转人工");
        long escalation = escalationOf(citizen);
        turnStored(citizen, "转人工");

        JsonNode list = json(lawyer.get("/api/inbox/conversations?status=waiting")).get("conversations");
        JsonNode mine = null;
        for (JsonNode c : list) {
            if (c.get("id").asLong() == escalation) {
                mine = c;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("channel").asString()).isEqualTo("web");
        assertThat(mine.get("status").asString()).isEqualTo("waiting");
        assertThat(mine.get("citizen").asString()).contains("****").doesNotContain(citizen);
        assertThat(mine.get("lastMessage").asString()).isEqualTo("转人工");
        assertThat(mine.get("waitingSince").asString()).endsWith("Z");
        assertThat(mine.has("claimedBy")).isTrue();
    }

    @Test
    void ofTwoLawyersClaimingTheSecondIsToldWhoHasIt() throws Exception {
        StaffBrowser first = signedIn(Role.LAWYER, "张律师");
        StaffBrowser second = signedIn(Role.LAWYER, "李律师");
        String citizen = citizen();
        citizenSays(citizen, "转人工");
        long id = escalationOf(citizen);

        HttpResponse<String> won = first.post("/api/inbox/conversations/" + id + "/claim", "{}");
        HttpResponse<String> lost = second.post("/api/inbox/conversations/" + id + "/claim", "{}");

        assertThat(won.statusCode()).isEqualTo(200);
        assertThat(json(won).get("status").asString()).isEqualTo("claimed");
        assertThat(json(won).get("claimedBy").asString()).isEqualTo("张律师");
        assertThat(lost.statusCode()).isEqualTo(409);
        assertThat(json(lost).get("claimedBy").asString()).isEqualTo("张律师");
        assertThat(json(lost).get("error").asString()).isNotBlank();
        mailboxOnceItHolds(citizen, "值班律师已接入");
    }

    @Test
    void aClaimReplyAndCloseReachTheCitizenAndTheTranscriptHasEverySpeaker() throws Exception {
        StaffBrowser lawyer = signedIn(Role.LAWYER, "赵律师");
        StaffBrowser other = signedIn(Role.LAWYER, "钱律师");
        String citizen = citizen();
        citizenSays(citizen, "老板拖欠工资三个月不发怎么办");
        citizenSays(citizen, "转人工");
        long id = escalationOf(citizen);
        lawyer.post("/api/inbox/conversations/" + id + "/claim", "{}");

        assertThat(lawyer.post("/api/inbox/conversations/" + id + "/messages", "{\"text\":\"  \"}").statusCode()).isEqualTo(400);
        assertThat(lawyer.post("/api/inbox/conversations/" + id + "/messages", "{\"text\":\"" + "字".repeat(2_001) + "\"}").statusCode())
                .isEqualTo(400);
        assertThat(other.post("/api/inbox/conversations/" + id + "/messages", "{\"text\":\"不是我的会话\"}").statusCode()).isEqualTo(409);
        HttpResponse<String> sent = lawyer.post("/api/inbox/conversations/" + id + "/messages", "{\"text\":\"您可以先向劳动监察大队投诉。\"}");
        assertThat(sent.statusCode()).isEqualTo(202);
        // the web chat's mailbox takes the reply at once: the answer says what the channel did, not merely that it was queued
        assertThat(json(sent).get("delivery").asString()).isEqualTo("sent");
        mailboxOnceItHolds(citizen, "您可以先向劳动监察大队投诉。");

        citizenSays(citizen, "好的，谢谢律师");
        turnStored(citizen, "好的，谢谢律师");
        JsonNode detail = json(lawyer.get("/api/inbox/conversations/" + id));
        assertThat(detail.get("turns").findValuesAsString("from")).contains("citizen", "bot", "lawyer");
        assertThat(detail.get("turns").findValuesAsString("text")).contains("老板拖欠工资三个月不发怎么办", "您可以先向劳动监察大队投诉。",
                "好的，谢谢律师");
        JsonNode lawyerTurn = null;
        for (JsonNode turn : detail.get("turns")) {
            if (turn.get("from").asString().equals("lawyer")) {
                lawyerTurn = turn;
            }
        }
        assertThat(lawyerTurn.get("delivery").asString()).isEqualTo("sent");
        assertThat(detail.get("allowance").isNull()).as("the web chat sets no window or allowance").isTrue();

        assertThat(lawyer.post("/api/inbox/conversations/" + id + "/close", "{\"outcome\":\"maybe\"}").statusCode()).isEqualTo(400);
        HttpResponse<String> closed = lawyer.post("/api/inbox/conversations/" + id + "/close", "{\"outcome\":\"answered\",\"note\":\"已告知投诉途径\"}");
        assertThat(closed.statusCode()).isEqualTo(200);
        assertThat(json(closed).get("status").asString()).isEqualTo("closed");
        assertThat(json(closed).get("closeNote").asString()).isEqualTo("已告知投诉途径");
        assertThat(mailboxOnceItHolds(citizen, "本次律师咨询已结束")).contains("回复“满意”或“不满意”");
        assertThat(json(closed).get("rating").isNull()).as("not rated yet").isTrue();
        assertThat(citizenSays(citizen, "满意").get("text").asString()).contains("感谢您的评价");
        // the rating reaches handoff through the event journal
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).until(() ->
                "satisfied".equals(json(lawyer.get("/api/inbox/conversations/" + id)).get("rating").asString()));
        assertThat(json(lawyer.get("/api/inbox/conversations?status=closed")).get("conversations").findValuesAsString("id"))
                .contains(Long.toString(id));
    }

    @Test
    void aTimedOutChatBecomesACallbackTheOperatorSeesInFullAndALawyerCannot(CapturedOutput output) throws Exception {
        StaffBrowser operator = signedIn(Role.OPERATOR, "接线员小周");
        StaffBrowser lawyer = signedIn(Role.LAWYER, "孙律师");
        String citizen = citizen();
        citizenSays(citizen, "转人工");
        long id = escalationOf(citizen);

        assertThat(pickupTimeouts.fire(id)).isTrue();
        assertThat(pickupTimeouts.fire(id)).as("a timer fired twice does nothing the second time").isFalse();
        assertThat(mailboxOnceItHolds(citizen, "12348")).contains("手机号码");
        citizenSays(citizen, "13812345678");
        citizenSays(citizen, "是");
        // the confirmed number reaches handoff through the event journal, a moment after the reply
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).until(() ->
                db.sql("select count(*) from callback_request where escalation_id = :e").param("e", id).query(Integer.class).single() == 1);

        JsonNode callbacks = json(operator.get("/api/inbox/callbacks?status=pending")).get("callbacks");
        JsonNode callback = null;
        for (JsonNode c : callbacks) {
            if (c.get("conversationId").asLong() == id) {
                callback = c;
            }
        }
        assertThat(callback).as("%s", callbacks).isNotNull();
        assertThat(callback.get("phone").asString()).isEqualTo("13812345678");
        assertThat(callback.get("status").asString()).isEqualTo("pending");
        assertThat(callback.get("attempts").asInt()).isZero();
        assertThat(callback.get("channel").asString()).isEqualTo("web");
        assertThat(callback.get("dueBy").asString()).endsWith("Z");
        assertThat(db.sql("select count(*) from phone_view_audit where escalation_id = :e").param("e", id).query(Integer.class).single())
                .isPositive();
        assertThat(lawyer.get("/api/inbox/callbacks?status=pending").statusCode()).isEqualTo(403);
        assertThat(operator.get("/api/inbox/conversations/" + id).statusCode()).isEqualTo(200);

        HttpResponse<String> marked = operator.post("/api/inbox/callbacks/" + callback.get("id").asLong() + "/outcome",
                "{\"outcome\":\"reached\",\"note\":\"已解答\"}");
        assertThat(marked.statusCode()).isEqualTo(200);
        assertThat(json(operator.get("/api/inbox/callbacks?status=done")).get("callbacks").findValuesAsString("conversationId"))
                .contains(Long.toString(id));
        assertThat(output.getAll()).doesNotContain("13812345678");
    }

    @Test
    void aTimeoutMarkedByAnInstanceThatStoppedBeforeTellingTheCitizenIsToldOnceByTheReconciler() throws Exception {
        String citizen = citizen();
        citizenSays(citizen, "转人工");
        long id = escalationOf(citizen);
        // what an instance that stopped between the two steps of a timeout leaves: marked, never told
        assertThat(db.sql("update escalation set status = 'TIMED_OUT', timed_out_at = :now where id = :id and status = 'WAITING'")
                .param("now", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC)).param("id", id).update()).isEqualTo(1);
        assertThat(pickupTimeouts.fire(id)).as("the timer itself does nothing more").isFalse();
        assertThat(citizenMailbox(citizen)).doesNotContain("12348");

        java.time.Instant anHourAgo = java.time.Instant.now().minus(java.time.Duration.ofHours(1));
        pickupTimeouts.tellTheUntold(anHourAgo);
        pickupTimeouts.tellTheUntold(anHourAgo);

        // the conversation moves at once; the reply reaches the web mailbox a moment later (seen in CI: state
        // COLLECTING_PHONE, mailbox still empty)
        String mailbox = mailboxOnceItHolds(citizen, "12348");
        assertThat(mailbox).contains("手机号码");
        assertThat(mailbox.split("12348", -1)).as("told once, however often the reconciler looks").hasSize(2);
    }

    @Test
    void aNumberTypedForTheCallbackIsMaskedInTheTranscript_andKeptWholeInTheCallback() throws Exception {
        String citizen = citizen();
        citizenSays(citizen, "转人工");
        long id = escalationOf(citizen);
        assertThat(pickupTimeouts.fire(id)).isTrue();
        citizenSays(citizen, "136-1234-5678");
        citizenSays(citizen, "是");

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).until(() -> db.sql(
                "select count(*) from callback_request where escalation_id = :e and phone = '13612345678'").param("e", id)
                .query(Integer.class).single() == 1);
        // turns reach the database from the local journal, a moment after the reply
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).until(() -> db.sql(
                "select body from conversation_turn where citizen_id = :c").param("c", citizen).query(String.class).list()
                .contains("136****5678"));
        assertThat(db.sql("select body from conversation_turn where citizen_id = :c").param("c", citizen).query(String.class).list())
                .noneMatch(body -> body.replaceAll("[^0-9]", "").contains("13612345678"));
    }

    @Test
    void aLateClaimTakesTheChatAndCancelsTheCallback() throws Exception {
        StaffBrowser lawyer = signedIn(Role.LAWYER, "周律师");
        String citizen = citizen();
        citizenSays(citizen, "转人工");
        long id = escalationOf(citizen);
        pickupTimeouts.fire(id);
        citizenSays(citizen, "13912345678");
        citizenSays(citizen, "是");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).until(() ->
                db.sql("select count(*) from callback_request where escalation_id = :e").param("e", id).query(Integer.class).single() == 1);

        HttpResponse<String> claimed = lawyer.post("/api/inbox/conversations/" + id + "/claim", "{}");

        assertThat(claimed.statusCode()).isEqualTo(200);
        assertThat(db.sql("select status from callback_request where escalation_id = :e").param("e", id).query(String.class).single())
                .isEqualTo("CANCELLED");
        mailboxOnceItHolds(citizen, "值班律师已接入");
    }

    @Test
    void unreachableThreeTimesEndsTheCallbackAndTellsTheCitizen() throws Exception {
        StaffBrowser operator = signedIn(Role.OPERATOR, "接线员小吴");
        String citizen = citizen();
        citizenSays(citizen, "转人工");
        long id = escalationOf(citizen);
        pickupTimeouts.fire(id);
        citizenSays(citizen, "13712345678");
        citizenSays(citizen, "是");
        // the confirmed number reaches handoff through the event journal, a moment after the reply
        long callback = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).until(
                () -> db.sql("select id from callback_request where escalation_id = :e").param("e", id).query(Long.class).optional()
                        .orElse(null),
                java.util.Objects::nonNull);

        for (int attempt = 1; attempt <= 3; attempt++) {
            HttpResponse<String> r = operator.post("/api/inbox/callbacks/" + callback + "/outcome", "{\"outcome\":\"unreachable\"}");
            assertThat(json(r).get("attempts").asInt()).isEqualTo(attempt);
            assertThat(json(r).get("status").asString()).isEqualTo(attempt < 3 ? "pending" : "unreachable");
        }
        mailboxOnceItHolds(citizen, "未能接通");
        assertThat(operator.post("/api/inbox/callbacks/" + callback + "/outcome", "{\"outcome\":\"reached\"}").statusCode()).isEqualTo(409);
    }

    @Test
    void withNobodyOnDutyTheCitizenHearsOfTheCallbackAtOnceNotAfterTheTimeout() throws Exception {
        // a roster whose only shift belongs to no account: nobody is on duty at any hour
        db.sql("insert into duty_shift (lawyer, weekday, starts_at, ends_at) values ('nobody-on-duty', 1, time '09:00:00', time '09:01:00')").update();
        try {
            String citizen = citizen();
            citizenSays(citizen, "转人工");
            long id = escalationOf(citizen);
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(() ->
                    citizenMailbox(citizen).contains("手机号码"));
            assertThat(db.sql("select status from escalation where id = :id").param("id", id).query(String.class).single())
                    .isEqualTo("TIMED_OUT");
        } finally {
            db.sql("delete from duty_shift where lawyer = 'nobody-on-duty'").update();
        }
    }

    @Test
    void aLawyerWhoStepsAwayIsOffDutyUntilBack() throws Exception {
        StaffBrowser lawyer = signedIn(Role.LAWYER, "吴律师");
        HttpResponse<String> away = lawyer.post("/api/inbox/me/away", "{\"away\":true}");
        assertThat(json(away).get("away").asBoolean()).isTrue();
        assertThat(json(lawyer.get("/api/inbox/me")).get("away").asBoolean()).isTrue();
        HttpResponse<String> back = lawyer.post("/api/inbox/me/away", "{\"away\":false}");
        assertThat(json(back).get("away").asBoolean()).isFalse();
    }
}
