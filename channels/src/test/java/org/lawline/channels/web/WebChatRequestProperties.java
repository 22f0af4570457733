package org.lawline.channels.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Random and mutated bodies for {@code POST /api/web/messages}, over real HTTP with a valid
 * session: each is answered 200 or a 4xx with a Chinese {@code error} — never a 500, never a hang.
 */
class WebChatRequestProperties {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static ConfigurableApplicationContext application;
    private static String base;
    private static String citizenId;
    private static String token;

    @BeforeContainer
    static void start() throws Exception {
        application = new SpringApplicationBuilder(WebChatTestApplication.class)
                .run("--server.port=0", "--lawline.web.rate-limit-per-minute=1000000",
                        "--lawline.web.rate-limit-per-address-per-minute=1000000");
        int port = ((WebServerApplicationContext) application).getWebServer().getPort();
        base = "http://127.0.0.1:" + port;
        HttpResponse<String> session = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/web/session"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode opened = JSON.readTree(session.body());
        citizenId = opened.get("citizenId").asString();
        token = opened.get("token").asString();
    }

    @AfterContainer
    static void stop() {
        application.close();
    }

    @Property(tries = 300)
    void anyBodyIsAnsweredOrRefusedInChineseNeverWithA500(@ForAll @Size(max = 3000) String body) throws Exception {
        assertAnsweredOrRefused(body);
    }

    @Property(tries = 500)
    void aMutatedMessageIsAnsweredOrRefusedInChineseNeverWithA500(@ForAll("mutatedMessage") String body) throws Exception {
        assertAnsweredOrRefused(body);
    }

    @Provide
    Arbitrary<String> mutatedMessage() {
        String valid = "{\"citizenId\": \"" + "CITIZEN" + "\", \"text\": \"老板拖欠工资怎么办\", \"messageId\": \"m-1\"}";
        Arbitrary<Character> characters = Arbitraries.of('{', '}', '[', ']', '"', ':', ',', '\\', 'n', '0', '-', '法', '\u0000', ' ');
        return Combinators.combine(Arbitraries.doubles().between(0, 1), Arbitraries.integers().between(0, 3), characters)
                .as((at, kind, c) -> (java.util.function.UnaryOperator<String>) text -> {
                    if (text.isEmpty()) {
                        return String.valueOf(c);
                    }
                    int i = (int) (at * (text.length() - 1));
                    StringBuilder out = new StringBuilder(text);
                    switch (kind) {
                        case 0 -> out.setCharAt(i, c);
                        case 1 -> out.deleteCharAt(i);
                        case 2 -> out.insert(i, c);
                        default -> out.setLength(i);
                    }
                    return out.toString();
                })
                .list().ofMinSize(1).ofMaxSize(3)
                .map(edits -> {
                    String out = valid;
                    for (var edit : edits) {
                        out = edit.apply(out);
                    }
                    // the session's own id, so that a body that stays valid is answered, not refused 403
                    return out.replace("CITIZEN", citizenId);
                });
    }

    private static void assertAnsweredOrRefused(String body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/web/messages"))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).as(body).isIn(200, 400, 403, 409, 413);
        if (response.statusCode() != 200) {
            assertThat(JSON.readTree(response.body()).get("error").asString()).as(body)
                    .isNotBlank().containsPattern("\\p{IsHan}");
        }
    }
}
