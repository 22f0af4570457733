package org.lawline.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lawline.HeadlessChromium;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * "附近有没有法律服务所" on the web chat page, in headless Chromium, against the whole application:
 * the real dialog asks which district, a district lists its offices with their map links, and the
 * browser's position — only after the citizen agreed, and the browser permitted — finds the nearest.
 * Chromium is required: without it this test fails, it does not skip.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class NearestOfficePageTest {

    private static ChromeDriver driver;

    @LocalServerPort int port;

    private WebDriverWait wait;

    @BeforeAll
    static void startChromium() throws IOException {
        driver = HeadlessChromium.start("The web chat page", "420,860");
    }

    @AfterAll
    static void stopChromium() {
        if (driver != null) {
            driver.quit();
        }
    }

    @BeforeEach
    void openThePageAsANewCitizen() {
        driver.get("http://localhost:" + port + "/");
        ((JavascriptExecutor) driver).executeScript("localStorage.clear()");
        driver.navigate().refresh();
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#messages .row.bot"), 1));
    }

    @Test
    void theDialogAsksWhichDistrictAndListsItsOfficesWithMapLinks() {
        send("附近有没有法律服务所");
        WebElement asked = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".row.bot.offices")));
        assertThat(asked.getText()).contains("请问您在哪个区", "西湖区");
        assertThat(asked.findElements(By.cssSelector(".use-location"))).hasSize(1);

        send("西湖区");

        List<WebElement> maps = wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector(".row.bot.offices .office-map"), 0));
        WebElement listed = driver.findElements(By.cssSelector(".row.bot.offices")).get(1);
        assertThat(listed.findElement(By.cssSelector(".bubble")).getText()).startsWith("西湖区的法律服务机构")
                .contains("杭州市西湖区法律援助中心", "地址：", "电话：", "办公时间：");
        assertThat(maps).allSatisfy(link -> assertThat(link.getAttribute("href")).startsWith("https://uri.amap.com/marker?"));
    }

    @Test
    void theBrowsersPositionFindsTheNearestOfficesOnceTheCitizenAgrees() {
        driver.executeCdpCommand("Browser.grantPermissions",
                Map.of("origin", "http://localhost:" + port, "permissions", List.of("geolocation")));
        // beside the Binjiang district's law firm (江南大道3850号)
        driver.executeCdpCommand("Emulation.setGeolocationOverride", Map.of("latitude", 30.2085, "longitude", 120.2120, "accuracy", 10));
        try {
            send("离我最近的法律援助中心在哪");
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".use-location"))).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".consent-yes"))).click();

            wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".row.bot.offices .office-map"), 3));
            WebElement nearest = driver.findElements(By.cssSelector(".row.bot.offices")).get(1);
            assertThat(nearest.findElement(By.cssSelector(".bubble")).getText())
                    .startsWith("离您最近的法律服务机构：\n\n1. 浙江滨江信和律师事务所").contains("距离：约");
        } finally {
            driver.executeCdpCommand("Emulation.clearGeolocationOverride", Map.of());
            driver.executeCdpCommand("Browser.resetPermissions", Map.of());
        }
    }

    private void send(String text) {
        WebElement input = driver.findElement(By.id("input"));
        input.sendKeys(text);
        input.sendKeys(Keys.ENTER);
    }
}
