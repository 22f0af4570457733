package org.lawline.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lawline.knowledge.KnowledgeBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The admin API on the whole application (the same context as the other end-to-end tests):
 * changes are searchable before the response returns, and only the token opens it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class EntryAdminApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TOKEN = "test-admin-token-of-at-least-32-characters";
    /** A question no bundled entry is about, so the edited entry is plainly the one found. */
    private static final String QUESTION = "无人机在小区上空航拍邻居阳台违法吗";

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    KnowledgeBase knowledgeBase;

    @Test
    void anEditedEntryIsSearchableAsSoonAsTheResponseArrives() throws Exception {
        String id = newId();

        Response saved = put(id, entryJson(QUESTION, "2027-06-30"));

        assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
        assertThat(saved.body().get("changedBy").asString()).isEqualTo("王律师");
        assertThat(saved.body().get("reviewDate").asString()).isEqualTo("2027-06-30");
        assertThat(saved.body().get("disabled").asBoolean()).isFalse();
        assertThat(topId(QUESTION)).isEqualTo(id);
        assertThat(send("GET", "/api/admin/entries/" + id, null, TOKEN).body().get("question").asString())
                .isEqualTo(QUESTION);
    }

    @Test
    void aDisabledEntryIsNotSearchableAndEnablingBringsItBack() throws Exception {
        String id = newId();
        put(id, entryJson(QUESTION, null));

        Response disabled = send("POST", "/api/admin/entries/" + id + "/disable?changedBy=" + encode("李律师"), null, TOKEN);

        assertThat(disabled.status()).isEqualTo(200);
        assertThat(disabled.body().get("disabled").asBoolean()).isTrue();
        assertThat(disabled.body().get("changedBy").asString()).isEqualTo("李律师");
        assertThat(knowledgeBase.search().search(QUESTION, 5)).noneMatch(m -> m.entry().id().equals(id));

        send("POST", "/api/admin/entries/" + id + "/enable", null, TOKEN);
        assertThat(knowledgeBase.search().search(QUESTION, 5)).anyMatch(m -> m.entry().id().equals(id));
        send("POST", "/api/admin/entries/" + id + "/disable", null, TOKEN); // leave the shared index as it was
    }

    @Test
    void anUploadedFileIsSearchableAndItsBadRowsAreListedByLine() throws Exception {
        String id = newId();
        String upload = "{\"id\": \"" + id + "\", \"question\": \"" + QUESTION + "\", \"answer\": \"看情况。\"}\n"
                + "{\"id\": \"x\", \"answer\": \"没有问题的行\"}\n";

        Response r = send("POST", "/api/admin/import?format=jsonl", upload, TOKEN);

        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.body().get("imported").asInt()).isEqualTo(1);
        assertThat(r.body().get("rejected").get(0).get("line").asInt()).isEqualTo(2);
        assertThat(knowledgeBase.search().search(QUESTION, 5)).anyMatch(m -> m.entry().id().equals(id));
        send("POST", "/api/admin/entries/" + id + "/disable", null, TOKEN);
    }

    @Test
    void aMultipartUploadIsImportedByItsFileName() throws Exception {
        String id = newId();
        String boundary = "lawline-" + UUID.randomUUID();
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"more.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n"
                + "id,question,answer\r\n" + id + "," + QUESTION + ",看情况。\r\n"
                + "--" + boundary + "--\r\n";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/admin/import"))
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();

        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("imported").asInt()).isEqualTo(1);
        assertThat(knowledgeBase.entry(id)).isPresent();
        send("POST", "/api/admin/entries/" + id + "/disable", null, TOKEN);
    }

    @Test
    void aMultipartUploadOfTwoMegabytesIsTakenUnderTheTenMegabyteCap() throws Exception {
        // Boot's own multipart default (1 MB) refused this before the configured cap was asked.
        String id = newId();
        String boundary = "lawline-" + UUID.randomUUID();
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n"
                + "id,question,answer\r\n" + id + "," + QUESTION + ",看情况。\r\n" + "\r\n".repeat(1024 * 1024)
                + "--" + boundary + "--\r\n";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/admin/import"))
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();

        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("imported").asInt()).isEqualTo(1);
        send("POST", "/api/admin/entries/" + id + "/disable", null, TOKEN);
    }

    @Test
    void anEntryBodyOverSixtyFourKilobytesIsRefusedBeforeParsing() throws Exception {
        Response refused = put(newId(), entryJson("问".repeat(30_000), null));

        assertThat(refused.status()).as(refused.raw()).isEqualTo(413);
        assertThat(refused.body().get("error").asString()).isEqualTo("请求内容过大（上限64KB）");
    }

    @Test
    void anUploadOverTheCapIsRefusedUnread() throws Exception {
        // by hand on a socket: the server answers before the body is sent and then closes the
        // connection, which an HTTP client still writing the body reports as a reset
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /api/admin/import?format=jsonl HTTP/1.1\r\n"
                    + "Host: localhost\r\nAuthorization: Bearer " + TOKEN + "\r\n"
                    + "Content-Type: application/x-ndjson\r\nContent-Length: " + (10 * 1024 * 1024 + 1) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String response = readUntil(socket, "}");

            assertThat(response).startsWith("HTTP/1.1 413").contains("上限");
        }
    }

    @Test
    void anUploadWithoutADeclaredLengthIsStoppedAtTheCap() throws Exception {
        // chunked, so only reading tells its size; a little over the 10 MB cap, within what the
        // server swallows before closing, so the answer is not lost to a reset
        byte[] chunk = ("{\"id\": \"x\", \"question\": \"" + "问".repeat(20) + "\", \"answer\": \"答\"}\n")
                .repeat(400).getBytes(StandardCharsets.UTF_8);
        long cap = 10L * 1024 * 1024;
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            var out = socket.getOutputStream();
            out.write(("POST /api/admin/import?format=jsonl HTTP/1.1\r\n"
                    + "Host: localhost\r\nAuthorization: Bearer " + TOKEN + "\r\n"
                    + "Content-Type: application/x-ndjson\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            for (long sent = 0; sent <= cap + 64 * 1024; sent += chunk.length) {
                out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(chunk);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = readUntil(socket, "}");

            assertThat(response).startsWith("HTTP/1.1 413").contains("上限");
        }
    }

    @Test
    void anUploadOfUnknownFormatIsRefusedInChinese() throws Exception {
        Response r = send("POST", "/api/admin/import", "{}", TOKEN);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().get("error").asString()).contains("format=jsonl");
    }

    @Test
    void anEntryWithoutAnAnswerIsRefusedInChinese() throws Exception {
        Response r = put(newId(), "{\"question\": \"问题\", \"answer\": \" \"}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().get("error").asString()).contains("答案");
    }

    @Test
    void anUnreadableCitationIsRefusedInChinese() throws Exception {
        Response r = put(newId(), "{\"question\": \"问题\", \"answer\": \"答案\", \"lawRefs\": [\"劳动法三十条\"]}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().get("error").asString()).contains("无法识别的法条引用");
    }

    @Test
    void anUnknownEntryIs404() throws Exception {
        assertThat(send("GET", "/api/admin/entries/no-such-entry", null, TOKEN).status()).isEqualTo(404);
        assertThat(send("POST", "/api/admin/entries/no-such-entry/disable", null, TOKEN).status()).isEqualTo(404);
    }

    @Test
    void aWrongOrMissingTokenIsRefusedAndChangesNothing() throws Exception {
        String id = newId();

        Response wrong = send("PUT", "/api/admin/entries/" + id, entryJson(QUESTION, null), "not-the-token");
        Response missing = send("GET", "/api/admin/entries", null, null);

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body().get("error").asString()).contains("管理令牌");
        assertThat(missing.status()).isEqualTo(401);
        assertThat(knowledgeBase.entry(id)).isEmpty();
    }

    @Test
    void theListingFiltersByTextAndCategory() throws Exception {
        String id = newId();
        put(id, entryJson(QUESTION, null));

        JsonNode listing = send("GET", "/api/admin/entries?q=" + encode("无人机") + "&category=" + encode("邻里"), null, TOKEN).body();

        assertThat(listing.get("entries").values()).extracting(e -> e.get("id").asString()).contains(id);
        assertThat(listing.get("entries").values()).allMatch(e -> e.get("category").asString().equals("邻里"));
        send("POST", "/api/admin/entries/" + id + "/disable", null, TOKEN);
    }

    /** What the server sent until the text appears, without waiting for it to close the connection. */
    private static String readUntil(Socket socket, String end) throws java.io.IOException {
        java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[1024];
        String text = "";
        while (!text.contains(end)) {
            int n = socket.getInputStream().read(buffer);
            if (n < 0) {
                break;
            }
            received.write(buffer, 0, n);
            text = received.toString(StandardCharsets.UTF_8);
        }
        return text;
    }

    private String topId(String question) {
        return knowledgeBase.search().search(question, 1).get(0).entry().id();
    }

    private static String newId() {
        return "admin-test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String entryJson(String question, String reviewDate) {
        return "{\"question\": \"" + question + "\", \"phrasings\": [\"无人机拍到我家阳台\"],"
                + " \"answer\": \"未经同意拍摄他人住宅内部，可能侵犯隐私权，可以要求停止侵害。\", \"category\": \"邻里\","
                + " \"lawRefs\": [\"中华人民共和国民法典第一千零三十三条\"], \"changedBy\": \"王律师\""
                + (reviewDate == null ? "" : ", \"reviewDate\": \"" + reviewDate + "\"") + "}";
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private Response put(String id, String json) throws Exception {
        return send("PUT", "/api/admin/entries/" + id, json, TOKEN);
    }

    private Response send(String method, String path, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body(),
                response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body()));
    }

    record Response(int status, String raw, JsonNode body) {
    }
}
