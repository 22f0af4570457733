package org.lawline.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lawline.security.Role;
import org.lawline.security.StaffAccounts;
import org.lawline.security.StaffBrowser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the inbox gives a lawyer beside the reply box, over HTTP with real sessions: canned
 * replies (read by lawyers, kept by administrators), the knowledge-base search, the lawyers on
 * duty to transfer to, and the transfer itself. Each endpoint refuses an anonymous caller, a
 * wrong role and a write without the CSRF header.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class InboxReplyToolsApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "reply tools password";

    @LocalServerPort
    int port;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    JdbcClient db;

    private final HttpClient http = HttpClient.newHttpClient();

    private String account(Role role, String displayName) {
        return StaffBrowser.newAccount(accounts, role, displayName, PASSWORD);
    }

    private StaffBrowser signedIn(String username) throws Exception {
        return StaffBrowser.signedIn(port, username, PASSWORD);
    }

    private StaffBrowser signedIn(Role role, String displayName) throws Exception {
        return signedIn(account(role, displayName));
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    @Test
    void cannedRepliesAreReadByLawyersAndKeptByAdministratorsOnly() throws Exception {
        StaffBrowser admin = signedIn(Role.ADMIN, "管理员老陈");
        StaffBrowser lawyer = signedIn(Role.LAWYER, "冯律师");
        StaffBrowser operator = signedIn(Role.OPERATOR, "接线员小郑");
        String title = "劳动仲裁时效-" + UUID.randomUUID().toString().substring(0, 4);
        String body = JSON.writeValueAsString(Map.of("title", title, "text", "劳动争议申请仲裁的时效期间为一年，从知道或者应当知道权利被侵害之日起计算。"));

        assertThat(lawyer.post("/api/inbox/canned-replies", body).statusCode()).as("a lawyer may not add").isEqualTo(403);
        assertThat(admin.postWithoutCsrf("/api/inbox/canned-replies", body).statusCode()).as("no CSRF header").isEqualTo(403);
        assertThat(new StaffBrowser(port).get("/api/inbox/canned-replies").statusCode()).isEqualTo(401);
        assertThat(operator.get("/api/inbox/canned-replies").statusCode()).isEqualTo(403);
        assertThat(admin.post("/api/inbox/canned-replies", "{\"title\":\"\",\"text\":\"有内容\"}").statusCode()).isEqualTo(400);
        assertThat(admin.post("/api/inbox/canned-replies",
                JSON.writeValueAsString(Map.of("title", "题".repeat(61), "text", "有内容"))).statusCode()).isEqualTo(400);
        assertThat(admin.post("/api/inbox/canned-replies",
                JSON.writeValueAsString(Map.of("title", "太长", "text", "字".repeat(2_001)))).statusCode()).isEqualTo(400);

        HttpResponse<String> added = admin.post("/api/inbox/canned-replies", body);
        assertThat(added.statusCode()).isEqualTo(201);
        long id = json(added).get("id").asLong();
        JsonNode seen = null;
        for (JsonNode reply : json(lawyer.get("/api/inbox/canned-replies")).get("cannedReplies")) {
            if (reply.get("id").asLong() == id) {
                seen = reply;
            }
        }
        assertThat(seen).isNotNull();
        assertThat(seen.get("title").asString()).isEqualTo(title);
        assertThat(seen.get("text").asString()).startsWith("劳动争议申请仲裁的时效期间为一年");

        String changed = JSON.writeValueAsString(Map.of("title", title, "text", "仲裁时效为一年。"));
        assertThat(lawyer.put("/api/inbox/canned-replies/" + id, changed).statusCode()).isEqualTo(403);
        assertThat(admin.putWithoutCsrf("/api/inbox/canned-replies/" + id, changed).statusCode()).isEqualTo(403);
        HttpResponse<String> put = admin.put("/api/inbox/canned-replies/" + id, changed);
        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(json(put).get("text").asString()).isEqualTo("仲裁时效为一年。");
        assertThat(admin.put("/api/inbox/canned-replies/999999999", changed).statusCode()).isEqualTo(404);

        assertThat(lawyer.delete("/api/inbox/canned-replies/" + id).statusCode()).isEqualTo(403);
        assertThat(admin.deleteWithoutCsrf("/api/inbox/canned-replies/" + id).statusCode()).isEqualTo(403);
        assertThat(admin.delete("/api/inbox/canned-replies/" + id).statusCode()).isEqualTo(204);
        assertThat(admin.delete("/api/inbox/canned-replies/" + id).statusCode()).isEqualTo(404);
        assertThat(json(lawyer.get("/api/inbox/canned-replies")).get("cannedReplies").findValuesAsString("title")).doesNotContain(title);

        // their page is the administrators' alone
        assertThat(admin.get("/admin/canned-replies").statusCode()).isEqualTo(200);
        assertThat(lawyer.get("/admin/canned-replies").statusCode()).isEqualTo(403);
        HttpResponse<String> anonymous = new StaffBrowser(port).get("/admin/canned-replies");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
    }

    @Test
    void theKnowledgeSearchGivesAnEntrysAnswerWithItsLawReferencesToInsert() throws Exception {
        StaffBrowser lawyer = signedIn(Role.LAWYER, "韩律师");

        HttpResponse<String> found = lawyer.get("/api/inbox/knowledge?q=" + java.net.URLEncoder.encode("老板拖欠工资不发", "UTF-8"));

        assertThat(found.statusCode()).isEqualTo(200);
        JsonNode first = json(found).get("entries").get(0);
        assertThat(first.get("answer").asString()).isNotBlank();
        assertThat(first.get("lawReferences").get(0).asString()).matches("《[^》]+》第.+条");
        assertThat(first.get("insertText").asString()).startsWith(first.get("answer").asString())
                .contains("\n依据：" + first.get("lawReferences").get(0).asString());
        assertThat(lawyer.get("/api/inbox/knowledge?q=").statusCode()).isEqualTo(400);
        assertThat(lawyer.get("/api/inbox/knowledge?q=" + java.net.URLEncoder.encode("问".repeat(201), "UTF-8")).statusCode()).isEqualTo(400);
        assertThat(signedIn(Role.OPERATOR, "接线员小林").get("/api/inbox/knowledge?q=%E5%B7%A5%E8%B5%84").statusCode()).isEqualTo(403);
        assertThat(new StaffBrowser(port).get("/api/inbox/knowledge?q=%E5%B7%A5%E8%B5%84").statusCode()).isEqualTo(401);
    }

    @Test
    void aChatIsTransferredOnlyToAnotherLawyerOnDutyWhoThenHoldsIt() throws Exception {
        String holderName = account(Role.LAWYER, "褚律师");
        String otherName = account(Role.LAWYER, "卫律师");
        StaffBrowser holder = signedIn(holderName);
        StaffBrowser other = signedIn(otherName);
        StaffBrowser operator = signedIn(Role.OPERATOR, "接线员小蒋");
        long id = claimedChat(holder);

        assertThat(json(holder.get("/api/inbox/lawyers")).get("lawyers").findValuesAsString("username")).contains(holderName, otherName);
        assertThat(operator.get("/api/inbox/lawyers").statusCode()).isEqualTo(403);
        assertThat(new StaffBrowser(port).get("/api/inbox/lawyers").statusCode()).isEqualTo(401);

        String toOther = "{\"to\":\"" + otherName + "\"}";
        assertThat(holder.post("/api/inbox/conversations/" + id + "/transfer", "{\"to\":\"nobody-here\"}").statusCode()).isEqualTo(400);
        assertThat(holder.post("/api/inbox/conversations/" + id + "/transfer", "{\"to\":\"" + holderName + "\"}").statusCode()).isEqualTo(400);
        assertThat(holder.postWithoutCsrf("/api/inbox/conversations/" + id + "/transfer", toOther).statusCode()).isEqualTo(403);
        assertThat(other.post("/api/inbox/conversations/" + id + "/transfer", "{\"to\":\"" + holderName + "\"}").statusCode()).as("not theirs")
                .isEqualTo(409);

        other.post("/api/inbox/me/away", "{\"away\":true}");
        assertThat(holder.post("/api/inbox/conversations/" + id + "/transfer", toOther).statusCode()).as("away is off duty").isEqualTo(400);
        other.post("/api/inbox/me/away", "{\"away\":false}");

        HttpResponse<String> transferred = holder.post("/api/inbox/conversations/" + id + "/transfer", toOther);
        assertThat(transferred.statusCode()).isEqualTo(200);
        assertThat(json(transferred).get("claimedBy").asString()).isEqualTo("卫律师");
        assertThat(holder.post("/api/inbox/conversations/" + id + "/messages", "{\"text\":\"还是我来\"}").statusCode()).isEqualTo(409);
        assertThat(other.post("/api/inbox/conversations/" + id + "/messages", "{\"text\":\"您好，我接着为您解答。\"}").statusCode())
                .isEqualTo(202);
    }

    @Test
    void closedConsultationsAreFoundByTheMaskedCitizenTheDateAndTheOutcome() throws Exception {
        StaffBrowser lawyer = signedIn(Role.LAWYER, "沈律师");
        long answered = claimedChat(lawyer);
        long referred = claimedChat(lawyer);
        assertThat(lawyer.post("/api/inbox/conversations/" + answered + "/close", "{\"outcome\":\"answered\"}").statusCode()).isEqualTo(200);
        assertThat(lawyer.post("/api/inbox/conversations/" + referred + "/close", "{\"outcome\":\"referred\",\"note\":\"转 12333\"}")
                .statusCode()).isEqualTo(200);
        JsonNode shown = json(lawyer.get("/api/inbox/conversations/" + answered));
        String masked = shown.get("citizen").asString();
        assertThat(shown.get("outcome").asString()).isEqualTo("answered");
        assertThat(shown.get("closedAt").asString()).endsWith("Z");
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        String tomorrow = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(1).toString();

        assertThat(ids(lawyer, "&citizen=" + enc(masked))).contains(answered).doesNotContain(referred);
        assertThat(ids(lawyer, "&citizen=" + enc(masked.substring(masked.length() - 2)))).contains(answered);
        assertThat(ids(lawyer, "&outcome=referred")).contains(referred).doesNotContain(answered);
        assertThat(ids(lawyer, "&from=" + today + "&to=" + today + "&outcome=answered")).contains(answered).doesNotContain(referred);
        assertThat(ids(lawyer, "&from=" + tomorrow)).doesNotContain(answered, referred);
        assertThat(lawyer.get("/api/inbox/conversations?status=closed&citizen=" + enc("13%")).statusCode()).isEqualTo(400);
        assertThat(lawyer.get("/api/inbox/conversations?status=closed&from=yesterday").statusCode()).isEqualTo(400);
        assertThat(lawyer.get("/api/inbox/conversations?status=closed&outcome=maybe").statusCode()).isEqualTo(400);
        assertThat(new StaffBrowser(port).get("/api/inbox/conversations?status=closed&outcome=answered").statusCode()).isEqualTo(401);
        assertThat(signedIn(Role.OPERATOR, "接线员小秦").get("/api/inbox/conversations?status=closed").statusCode()).isEqualTo(403);
    }

    private static String enc(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    private List<Long> ids(StaffBrowser lawyer, String query) throws Exception {
        HttpResponse<String> found = lawyer.get("/api/inbox/conversations?status=closed" + query);
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        List<Long> ids = new java.util.ArrayList<>();
        for (JsonNode c : json(found).get("conversations")) {
            assertThat(c.get("status").asString()).isEqualTo("closed");
            ids.add(c.get("id").asLong());
        }
        return ids;
    }

    /** A web chat that asked for a person, claimed by {@code lawyer}. */
    private long claimedChat(StaffBrowser lawyer) throws Exception {
        HttpResponse<String> opened = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/web/session"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode session = JSON.readTree(opened.body());
        String citizen = session.get("citizenId").asString();
        HttpResponse<String> wrote = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/web/messages"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + session.get("token").asString())
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("citizenId", citizen, "text", "转人工"))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(wrote.statusCode()).as(wrote.body()).isEqualTo(200);
        long id = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).until(
                () -> db.sql("select max(id) from escalation where citizen_id = :c").param("c", citizen).query(Long.class).optional()
                        .orElse(null),
                java.util.Objects::nonNull);
        assertThat(lawyer.post("/api/inbox/conversations/" + id + "/claim", "{}").statusCode()).isEqualTo(200);
        return id;
    }
}
