package org.lawline.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lawline.HeadlessChromium;
import org.lawline.handoff.escalation.PickupTimeouts;
import org.lawline.security.Role;
import org.lawline.security.StaffAccounts;
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

/**
 * The callbacks tab in real headless Chromium: an operator is signed in when the hotline system
 * hands over a voicemail that no lawyer answers in time; its callback appears without a reload,
 * with the caller's number, what they said and a link to the recording. Screenshots go to
 * target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "lawline.hotline.secret=" + VoicemailCallbackBrowserTest.HOTLINE_SECRET)
@ActiveProfiles("test")
class VoicemailCallbackBrowserTest {

    static final String HOTLINE_SECRET = "browser-hotline-secret-0123";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String PASSWORD = "voicemail browser password";

    private static WebDriver operator;

    @LocalServerPort
    int port;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    JdbcClient db;
    @Autowired
    PickupTimeouts pickupTimeouts;

    @BeforeAll
    static void startChromium() throws Exception {
        operator = HeadlessChromium.start("The inbox", "1280,860");
    }

    @AfterAll
    static void stopChromium() {
        if (operator != null) {
            operator.quit();
        }
    }

    private static WebDriverWait wait(WebDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    @Test
    void anUnansweredVoicemailAppearsOnTheCallbacksTabWithWhatTheCallerSaidAndTheRecording() throws Exception {
        String username = "operator-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.add(username, "接线员小周", Role.OPERATOR, PASSWORD);
        operator.manage().deleteAllCookies();
        operator.get("http://localhost:" + port + "/login");
        operator.findElement(By.id("username")).sendKeys(username);
        operator.findElement(By.id("password")).sendKeys(PASSWORD);
        operator.findElement(By.id("login")).click();
        wait(operator).until(ExpectedConditions.attributeContains(By.id("live"), "class", "on"));
        wait(operator).until(ExpectedConditions.attributeContains(By.id("tab-callbacks"), "class", "active"));

        String phone = "136" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        String id = "vm-" + UUID.randomUUID();
        String recording = "https://hotline.example/rec/" + id + ".mp3";
        assertThat(postVoicemail("{\"id\":\"" + id + "\",\"callerNumber\":\"" + phone + "\",\"receivedAt\":\"2026-12-04T14:05:00Z\","
                + "\"text\":\"公司三个月没发工资了想咨询一下\",\"recordingUrl\":\"" + recording + "\"}")).isEqualTo(202);
        long escalation = Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> db.sql(
                        "select max(id) from escalation where channel = 'hotline' and citizen_id = :phone").param("phone", phone)
                .query(Long.class).optional().orElse(null), java.util.Objects::nonNull);
        // no lawyer takes it in time (with nobody on duty it timed out at once)
        pickupTimeouts.fire(escalation);
        long callback = Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                db.sql("select id from callback_request where escalation_id = :e").param("e", escalation).query(Long.class).optional(),
                Optional::isPresent).orElseThrow();

        WebElement row = wait(operator).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#list li[data-id='" + callback + "']")));
        assertThat(row.getText()).contains(phone).contains("公司三个月没发工资了想咨询一下");
        WebElement link = row.findElement(By.cssSelector("a.recording"));
        assertThat(link.getAttribute("href")).isEqualTo(recording);
        assertThat(link.getAttribute("rel")).contains("noopener");
        Files.createDirectories(SCREENSHOTS);
        File shot = ((TakesScreenshot) operator).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve("inbox-voicemail-callback.png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private int postVoicemail(String body) throws Exception {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(HOTLINE_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = HexFormat.of().formatHex(mac.doFinal((timestamp + "\n" + body).getBytes(StandardCharsets.UTF_8)));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/hotline/voicemails"))
                        .header("Content-Type", "application/json").header("X-LawLine-Timestamp", timestamp)
                        .header("X-LawLine-Signature", signature)
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
