package org.lawline.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lawline.HeadlessChromium;
import org.lawline.handoff.DutyLawyers;
import org.lawline.handoff.duty.DutyRoster;
import org.lawline.security.Role;
import org.lawline.security.StaffAccounts;
import org.lawline.security.StaffBrowser;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The duty roster page in real headless Chromium against the whole application: an administrator
 * adds a shift for one lawyer, and from that moment the roster puts only that lawyer on duty (the
 * page's "现在在岗" says so too); removing it puts every lawyer back on duty. Screenshots go to
 * target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RosterPageBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String PASSWORD = "roster browser password";
    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    private static WebDriver admin;

    @LocalServerPort
    int port;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    DutyRoster roster;
    @Autowired
    JdbcClient db;

    @BeforeAll
    static void startChromium() throws Exception {
        admin = HeadlessChromium.start("The roster page", "1280,900");
    }

    @AfterAll
    static void stopChromium() {
        if (admin != null) {
            admin.quit();
        }
    }

    /** Every test of the application but this one expects no roster: every lawyer on duty. */
    @BeforeEach
    @AfterEach
    void noRoster() {
        db.sql("delete from duty_holiday_shift").update();
        db.sql("delete from duty_holiday").update();
        db.sql("delete from duty_shift").update();
    }

    private String account(Role role, String displayName) {
        return StaffBrowser.newAccount(accounts, role, displayName, PASSWORD);
    }

    private void logIn(String username) {
        admin.manage().deleteAllCookies();
        admin.get("http://localhost:" + port + "/login");
        admin.findElement(By.id("username")).sendKeys(username);
        admin.findElement(By.id("password")).sendKeys(PASSWORD);
        admin.findElement(By.id("login")).click();
        wait(admin).until(ExpectedConditions.urlContains("/inbox"));
    }

    private static WebDriverWait wait(WebDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    private List<String> onDutyNow() {
        return roster.onDutyAt(Instant.now()).stream().map(DutyLawyers.DutyLawyer::username).toList();
    }

    private static void screenshot(String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        File shot = ((TakesScreenshot) admin).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void anAdministratorAddsAShiftOnThePageAndOnlyThatLawyerIsOnDutyUntilItIsRemoved() throws Exception {
        String zhang = account(Role.LAWYER, "张律师");
        String li = account(Role.LAWYER, "李律师");
        logIn(account(Role.ADMIN, "管理员"));
        admin.get("http://localhost:" + port + "/admin/roster");
        wait(admin).until(ExpectedConditions.textToBePresentInElementLocated(By.id("on-duty"), "李律师"));
        assertThat(onDutyNow()).contains(zhang, li);

        new Select(admin.findElement(By.id("shift-lawyer"))).selectByValue(zhang);
        new Select(admin.findElement(By.id("shift-weekday"))).selectByValue(Integer.toString(LocalDate.now(CITY).getDayOfWeek().getValue()));
        // midnight to midnight: the whole of today, city time (a time input's value is HH:MM whatever the locale shows)
        ((JavascriptExecutor) admin).executeScript(
                "document.getElementById('shift-starts').value = '00:00'; document.getElementById('shift-ends').value = '00:00';");
        admin.findElement(By.id("add-shift-button")).click();

        WebElement row = wait(admin).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#shifts tr.shift")));
        assertThat(row.getText()).contains("张律师").contains("00:00");
        wait(admin).until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "已添加班次"));
        assertThat(onDutyNow()).contains(zhang).doesNotContain(li);
        assertThat(admin.findElement(By.id("on-duty")).getText()).contains("张律师").doesNotContain("李律师");
        screenshot("roster-shift-added");

        row.findElement(By.cssSelector(".remove-shift")).click();
        wait(admin).until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("#shifts tr.shift")));
        assertThat(onDutyNow()).contains(zhang, li);
    }
}
