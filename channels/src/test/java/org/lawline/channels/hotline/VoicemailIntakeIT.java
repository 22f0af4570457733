package org.lawline.channels.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.lawline.conversation.Channel;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The voicemail API as the hotline system calls it, signed here as the issue words the scheme
 * (hex HMAC-SHA256 of the timestamp, a newline and the raw body), not by the code under test.
 */
@SpringBootTest(classes = HotlineTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "lawline.hotline.secret=" + VoicemailIntakeIT.SECRET)
class VoicemailIntakeIT {

    static final String SECRET = "hotline-secret-0123456789";

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    HotlineTestApplication.Escalations escalations;

    @Test
    void aSignedVoicemailIsAcceptedAndQueuesTheCallerOnTheHotlineChannel() throws Exception {
        String id = UUID.randomUUID().toString();

        HttpResponse<String> response = post(voicemail(id, "13912345678"), SECRET, Instant.now());

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(rows(id)).isEqualTo(1);
        assertThat(escalations.of("13912345678")).singleElement().satisfies(event -> {
            assertThat(event.citizen().channel()).isEqualTo(Channel.HOTLINE);
            assertThat(event.citizen().phone().orElseThrow().digits()).isEqualTo("13912345678");
        });
    }

    @Test
    void theSameIdAgainIsOkAndChangesNothing() throws Exception {
        String id = UUID.randomUUID().toString();
        assertThat(post(voicemail(id, "13912345679"), SECRET, Instant.now()).statusCode()).isEqualTo(202);

        HttpResponse<String> again = post(voicemail(id, "13912345679"), SECRET, Instant.now());

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(rows(id)).isEqualTo(1);
        assertThat(escalations.of("13912345679")).hasSize(1);
    }

    @Test
    void aBadSignatureIsRefusedWith401() throws Exception {
        String id = UUID.randomUUID().toString();

        assertThat(post(voicemail(id, "13912345670"), "not-the-hotline-secret", Instant.now()).statusCode()).isEqualTo(401);
        assertThat(rows(id)).isZero();
        assertThat(escalations.of("13912345670")).isEmpty();
    }

    @Test
    void aTimestampOutsideTheFiveMinuteWindowIsRefusedWith401() throws Exception {
        String id = UUID.randomUUID().toString();

        assertThat(post(voicemail(id, "13912345671"), SECRET, Instant.now().minusSeconds(301)).statusCode()).isEqualTo(401);
        assertThat(post(voicemail(id, "13912345671"), SECRET, Instant.now().plusSeconds(301)).statusCode()).isEqualTo(401);
        assertThat(rows(id)).isZero();
    }

    @Test
    void aCallWithoutTheHeadersIsRefusedWith401() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(url()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(voicemail("x", "13912345672"))).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> post(String body, String secret, Instant signedAt) throws Exception {
        String timestamp = Long.toString(signedAt.getEpochSecond());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = HexFormat.of().formatHex(mac.doFinal((timestamp + "\n" + body).getBytes(StandardCharsets.UTF_8)));
        return http.send(HttpRequest.newBuilder(url()).header("Content-Type", "application/json")
                        .header("X-LawLine-Timestamp", timestamp).header("X-LawLine-Signature", signature)
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI url() {
        return URI.create("http://127.0.0.1:" + port + "/api/hotline/voicemails");
    }

    private static String voicemail(String id, String caller) {
        return "{\"id\":\"" + id + "\",\"callerNumber\":\"" + caller + "\",\"receivedAt\":\"2026-12-04T14:05:00Z\","
                + "\"text\":\"我在工地干活受伤了老板不管怎么办\",\"recordingUrl\":\"https://hotline.example/rec/" + id + ".mp3\"}";
    }

    private int rows(String id) {
        return jdbc.sql("select count(*) from hotline_voicemail where id = :id").param("id", id).query(Integer.class).single();
    }
}
