package org.lawline.inbox;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.File;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lawline.HeadlessChromium;
import org.lawline.security.Role;
import org.lawline.security.StaffAccounts;
import org.lawline.security.StaffBrowser;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A WeChat citizen's chat in the inbox, in headless Chromium, WeChat's API played by WireMock as
 * documented: the box shows the window's allowance, a reply inside the window goes out as a
 * customer-service message and is marked delivered, and a reply WeChat refuses with 45015 is
 * marked not delivered, with why, on screen and in the API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class WeChatRepliesInTheInboxBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String PASSWORD = "wechat inbox password";
    private static final String TOKEN = "inboxtoken";
    private static final String SEND = "/cgi-bin/message/custom/send";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final WireMockServer WECHAT = startWeChat();

    private static WebDriver staff;

    @LocalServerPort
    int port;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    JdbcClient db;

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void weChatAccount(DynamicPropertyRegistry registry) {
        registry.add("lawline.wechat.accounts.default.app-id", () -> "wxinbox00000000001");
        registry.add("lawline.wechat.accounts.default.secret", () -> "inbox-secret");
        registry.add("lawline.wechat.accounts.default.token", () -> TOKEN);
        registry.add("lawline.wechat.accounts.default.api-base-url", () -> "http://127.0.0.1:" + WECHAT.port());
    }

    @BeforeAll
    static void startChromium() throws Exception {
        staff = HeadlessChromium.start("The inbox", "1280,860");
    }

    @AfterAll
    static void stop() {
        if (staff != null) {
            staff.quit();
        }
        WECHAT.stop();
    }

    @Test
    void aReplyInsideTheWindowIsDeliveredAndOneWeChatRefusesWith45015IsMarkedNotDeliveredWithWhy() throws Exception {
        String username = "lawyer-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.add(username, "蒋律师", Role.LAWYER, PASSWORD);
        logIn(username);
        String openid = "oInbox" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(citizenWrites(openid, "转人工").statusCode()).isEqualTo(200);
        long id = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15)).until(
                () -> db.sql("select max(id) from escalation where citizen_id = :c").param("c", openid).query(Long.class).optional()
                        .orElse(null),
                java.util.Objects::nonNull);

        wait(staff).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#list li[data-id='" + id + "']"))).click();
        wait(staff).until(ExpectedConditions.elementToBeClickable(By.id("claim"))).click();
        wait(staff).until(ExpectedConditions.visibilityOfElementLocated(By.id("reply")));
        // the citizen wrote a moment ago: WeChat's 48-hour window is open
        wait(staff).until(ExpectedConditions.textMatches(By.id("allowance"), java.util.regex.Pattern.compile("^微信: 还可发 [1-5] 条, 窗口 47 小时后关闭$")));
        // the claim's announcement reaches WeChat through the event journal and the outbox's WeChat workers, a
        // moment after the claim; the reply below has its own way there and may overtake it, and then neither
        // the count of sends nor the allowance read back after the reply would include the announcement
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> !WECHAT.findAll(postRequestedFor(urlPathEqualTo(SEND))
                .withRequestBody(containing(openid)).withRequestBody(containing("值班律师已接入"))).isEmpty());

        staff.findElement(By.id("reply")).sendKeys("您好，我是值班律师蒋律师。");
        staff.findElement(By.id("send")).click();
        wait(staff).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#transcript li.lawyer .delivery.sent"), "已送达"));
        WECHAT.verify(postRequestedFor(urlPathEqualTo(SEND)).withRequestBody(containing(openid)).withRequestBody(containing("我是值班律师蒋律师")));
        // each customer-service message (the claim's announcement, the reply) took one of the window's five
        int sent = WECHAT.findAll(postRequestedFor(urlPathEqualTo(SEND)).withRequestBody(containing(openid))).size();
        assertThat(sent).isGreaterThanOrEqualTo(2);
        assertThat(staff.findElement(By.id("allowance")).getText()).isEqualTo("微信: 还可发 " + (5 - sent) + " 条, 窗口 47 小时后关闭");

        // the follower left the account (or the window closed on WeChat's side): WeChat answers 45015
        WECHAT.stubFor(post(urlPathEqualTo(SEND)).willReturn(okJson(
                "{\"errcode\":45015,\"errmsg\":\"response out of time limit or subscription is canceled\"}")));
        staff.findElement(By.id("reply")).sendKeys("请问公司拖欠了几个月工资？");
        staff.findElement(By.id("send")).click();

        WebElement notice = wait(staff).until(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));
        assertThat(notice.getText()).startsWith("未送达").contains("48 小时");
        WebElement mark = wait(staff).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#transcript li.lawyer .delivery.not-delivered")));
        assertThat(mark.getText()).startsWith("未送达").contains("再发消息");
        screenshot("inbox-wechat-not-delivered");

        StaffBrowser api = new StaffBrowser(port);
        api.logIn(username, PASSWORD);
        JsonNode refusedTurn = null;
        for (JsonNode turn : JSON.readTree(api.get("/api/inbox/conversations/" + id).body()).get("turns")) {
            if (turn.get("text").asString().equals("请问公司拖欠了几个月工资？")) {
                refusedTurn = turn;
            }
        }
        assertThat(refusedTurn.get("delivery").asString()).isEqualTo("not_delivered");
        assertThat(refusedTurn.get("reason").asString()).contains("48 小时");
        HttpResponse<String> again = api.post("/api/inbox/conversations/" + id + "/messages", "{\"text\":\"您还在吗？\"}");
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(again.body()).get("delivery").asString()).isEqualTo("not_delivered");
        assertThat(JSON.readTree(again.body()).get("reason").asString()).startsWith("未送达");
    }

    @Test
    void aReplyWeChatRefusesOnlyAfterTheAnswerIsQueuedAndThenMarkedNotDeliveredInTheConversation() throws Exception {
        String username = "lawyer-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.add(username, "许律师", Role.LAWYER, PASSWORD);
        StaffBrowser lawyer = new StaffBrowser(port);
        lawyer.logIn(username, PASSWORD);
        String openid = "oSlow" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(citizenWrites(openid, "转人工").statusCode()).isEqualTo(200);
        long id = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15)).until(
                () -> db.sql("select max(id) from escalation where citizen_id = :c").param("c", openid).query(Long.class).optional()
                        .orElse(null),
                java.util.Objects::nonNull);
        assertThat(lawyer.post("/api/inbox/conversations/" + id + "/claim", "{}").statusCode()).isEqualTo(200);
        // WeChat answers slowly, longer than the reply's answer waits (3 s), and then refuses; within
        // WxJava's own 5-second socket timeout, so that the refusal, not a timeout, is what arrives
        WECHAT.stubFor(post(urlPathEqualTo(SEND)).withRequestBody(containing("晚些才被拒收")).willReturn(okJson(
                "{\"errcode\":45015,\"errmsg\":\"response out of time limit or subscription is canceled\"}").withFixedDelay(4_000)));

        HttpResponse<String> answered = lawyer.post("/api/inbox/conversations/" + id + "/messages", "{\"text\":\"这条消息晚些才被拒收。\"}");

        assertThat(answered.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(answered.body()).get("delivery").asString()).isEqualTo("queued");
        JsonNode turn = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> {
            for (JsonNode t : JSON.readTree(lawyer.get("/api/inbox/conversations/" + id).body()).get("turns")) {
                if (t.get("text").asString().equals("这条消息晚些才被拒收。")) {
                    return t;
                }
            }
            return null;
        }, t -> t != null && !t.get("delivery").asString().equals("queued"));
        assertThat(turn.get("delivery").asString()).isEqualTo("not_delivered");
        assertThat(turn.get("reason").asString()).startsWith("未送达").contains("48 小时");
    }

    private void logIn(String username) {
        staff.manage().deleteAllCookies();
        staff.get("http://localhost:" + port + "/login");
        staff.findElement(By.id("username")).sendKeys(username);
        staff.findElement(By.id("password")).sendKeys(PASSWORD);
        staff.findElement(By.id("login")).click();
        wait(staff).until(ExpectedConditions.urlContains("/inbox"));
        wait(staff).until(ExpectedConditions.attributeContains(By.id("live"), "class", "on"));
    }

    private static WebDriverWait wait(WebDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    private static void screenshot(String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        File shot = ((TakesScreenshot) staff).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** A text message from the follower, signed as WeChat signs (plain mode: SHA-1 of the sorted token, timestamp and nonce). */
    private HttpResponse<String> citizenWrites(String openid, String text) throws Exception {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        String nonce = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L));
        String[] parts = {TOKEN, timestamp, nonce};
        Arrays.sort(parts);
        byte[] digest = MessageDigest.getInstance("SHA-1").digest(String.join("", parts).getBytes(StandardCharsets.UTF_8));
        String query = "signature=" + HexFormat.of().formatHex(digest) + "&timestamp=" + timestamp
                + "&nonce=" + URLEncoder.encode(nonce, StandardCharsets.UTF_8);
        String xml = "<xml><ToUserName><![CDATA[gh_inbox]]></ToUserName><FromUserName><![CDATA[" + openid + "]]></FromUserName>"
                + "<CreateTime>" + timestamp + "</CreateTime><MsgType><![CDATA[text]]></MsgType>"
                + "<Content><![CDATA[" + text + "]]></Content><MsgId>" + (7_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L))
                + "</MsgId></xml>";
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/wechat/default?" + query))
                        .header("Content-Type", "text/xml").POST(HttpRequest.BodyPublishers.ofString(xml, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** WeChat's API as documented: an access_token, and every customer-service message accepted until a test says otherwise. */
    private static WireMockServer startWeChat() {
        WireMockServer server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        server.stubFor(get(urlPathEqualTo("/cgi-bin/token")).willReturn(okJson("{\"access_token\":\"INBOX-TOKEN\",\"expires_in\":7200}")));
        server.stubFor(post(urlPathEqualTo(SEND)).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
        return server;
    }
}
