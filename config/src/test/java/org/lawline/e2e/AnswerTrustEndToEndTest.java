package org.lawline.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.lawline.conversation.Conversations;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Citizens in danger, citizens who want a person and citizens with another hotline's matter,
 * writing in plain words — none of 救命, 报警, 人工 — through the web chat of the whole
 * application: keyword rules, the recogniser trained at start, the bundled knowledge base.
 * None of these sentences is in the recogniser's training examples.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AnswerTrustEndToEndTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    Conversations conversations;

    /** The recogniser trains in the background at start; these citizens write after it is ready. */
    @BeforeEach
    void understandingIsReady() throws Exception {
        conversations.understandingReady().toCompletableFuture().get(5, TimeUnit.MINUTES);
    }

    @ParameterizedTest(name = "\"{0}\" is told to call {1}")
    @CsvSource(delimiter = '|', value = {
            "他喝醉了拎着菜刀在屋里转 我和孩子躲在厕所里|110",
            "我爸突然倒在地上叫他也不答应|120",
            "走廊那边黑烟一股一股往屋里冒 呛得睁不开眼|119",
            "我真的撑不下去了 想结束这一切|110"})
    void aCitizenInDangerWritingInPlainWordsGetsTheEmergencyNumbers(String text, String number) throws Exception {
        JsonNode reply = say(text);

        assertThat(reply.get("kind").asString()).isEqualTo("emergency");
        assertThat(reply.get("text").asString()).startsWith("情况紧急").contains(number);
    }

    @ParameterizedTest(name = "\"{0}\" goes to the duty lawyers")
    @CsvSource(delimiter = '|', value = {
            "能不能找个真正的律师跟我聊两句",
            "麻烦安排律师打电话给我 谢谢",
            "跟你说了半天你都不明白 换个懂的来"})
    void aCitizenAskingForAPersonInTheirOwnWordsIsQueuedForTheDutyLawyer(String text) throws Exception {
        JsonNode reply = say(text);

        assertThat(reply.get("kind").asString()).isEqualTo("handoff");
        assertThat(reply.get("state").asString()).isEqualTo("QUEUED");
    }

    @ParameterizedTest(name = "\"{0}\" is referred to {1}")
    @CsvSource(delimiter = '|', value = {
            "我被骗了三万块钱|110",
            "网上有个客服说我的快递丢了要理赔 让我转了两万到他说的账户|96110",
            "我家那条街的污水井往外冒水好几天了 臭得不行 谁来管管|12345",
            "这家超市卖过期牛奶 我要让他们受处罚|12315"})
    void aMatterForAnotherHotlineGetsThatHotline(String text, String number) throws Exception {
        JsonNode reply = say(text);

        assertThat(reply.get("kind").asString()).isEqualTo("referral");
        assertThat(reply.get("text").asString()).contains(number);
    }

    @ParameterizedTest(name = "\"{0}\" is answered, not referred to the police")
    @CsvSource(delimiter = '|', value = {"我把钱转错账户了对方不还|ll-deal-013", "微信转账多转了一千块 对方不退|ll-deal-013"})
    void moneySentToTheWrongAccountIsAnsweredHowToGetItBack(String text, String entry) throws Exception {
        JsonNode reply = say(text);

        assertThat(reply.get("kind").asString()).isEqualTo("answer");
        assertThat(reply.get("entryId").asString()).isEqualTo(entry);
        assertThat(reply.get("text").asString()).contains("不当得利");
    }

    @ParameterizedTest(name = "\"{0}\" is asked to describe the problem")
    @CsvSource(delimiter = '|', value = {"我有点事情想咨询一下", "律师您好 想请教个问题"})
    void aCitizenWhoOnlyAnnouncesAQuestionIsAskedWhatHappened(String text) throws Exception {
        JsonNode reply = say(text);

        assertThat(reply.get("kind").asString()).isEqualTo("prompt");
        assertThat(reply.get("text").asString()).contains("请直接说说您遇到的情况");
    }

    /** A citizen as the page makes one: a session the server opens, and the message with its token. */
    private JsonNode say(String text) throws Exception {
        HttpResponse<String> opened = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/web/session"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);
        JsonNode session = JSON.readTree(opened.body());
        String citizen = session.get("citizenId").asString();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/web/messages"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + session.get("token").asString())
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("citizenId", citizen, "text", text))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
