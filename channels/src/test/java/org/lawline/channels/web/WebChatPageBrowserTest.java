package org.lawline.channels.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.lawline.channels.ScriptedConversations;
import org.lawline.conversation.Channel;
import org.lawline.conversation.ChannelIdentity;
import org.lawline.conversation.DialogState;
import org.lawline.conversation.OfficeDirectory;
import org.lawline.conversation.Reply;
import org.lawline.conversation.ConversationId;
import org.lawline.conversation.EventId;
import org.lawline.conversation.ReplyComposed;
import org.lawline.knowledge.LawReference;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The chat page in a real headless Chromium against the real server, with the scripted engine.
 * Chromium is required: without it this test fails (CI installs it), it does not skip.
 */
@WebChatSpringTest
class WebChatPageBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static ChromeDriverService service;
    private static WebDriver driver;

    @LocalServerPort int port;
    @Autowired ScriptedConversations conversations;
    @Autowired ApplicationEventPublisher events;
    @Autowired WebSessions sessions;
    @Autowired JdbcTemplate sql;

    private WebDriverWait wait;

    @BeforeAll
    static void startChromium() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("The web chat page is tested in headless Chromium, but " + CHROMIUM + " or " + CHROMEDRIVER
                    + " is missing: apt-get install -y chromium chromium-driver");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=420,860", "--lang=zh-CN",
                "--user-data-dir=" + Files.createTempDirectory("chrome"));
        // The driver's path is given, so Selenium Manager never tries to download one.
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopChromium() {
        if (driver != null) {
            driver.quit();
        }
        if (service != null) {
            service.stop();
        }
    }

    @BeforeEach
    void openThePage() {
        conversations.reset();
        conversations.answerWith(message -> switch (message.text()) {
            case "老板拖欠工资怎么办" -> Replies.wageAnswer();
            case "离婚孩子归谁" -> Replies.divorceChoices();
            case "1", "2", "3" -> Replies.pickedChoice(message.text());
            case "离婚后抚养费怎么算" -> Replies.pickedChoice("2");
            case "离婚后孩子归谁管" -> Replies.answerWithSuggestions();
            case "转人工" -> Replies.queued();
            default -> new Reply.NoAnswer("抱歉，暂时没有找到相关答案。", DialogState.BOT);
        });
        driver.get("http://localhost:" + port + "/");
        wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#messages .row.bot"), 1));
    }

    /** For a person to look at, and for CI to keep when a test fails. */
    @AfterEach
    void screenshot(TestInfo test) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(test.getTestMethod().orElseThrow().getName() + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void pageShowsTheServiceAndTheHotline() {
        assertThat(driver.getTitle()).isEqualTo("LawLine 法律咨询");
        assertThat(text(By.cssSelector("h1"))).isEqualTo("LawLine 法律咨询");
        assertThat(text(By.cssSelector(".subtitle"))).contains("12348");
        assertThat(text(By.cssSelector(".footer"))).contains("12348").contains("一般性法律信息");
        assertThat(driver.findElements(By.cssSelector(".quick-button")))
                .extracting(WebElement::getText).contains("老板拖欠工资怎么办", "离婚孩子归谁", "转人工");
    }

    @Test
    void thePageHoldsAServerIssuedSessionAndNeverPutsItsTokenInAUrl() {
        wait.until(d -> js("return localStorage.getItem('lawline.webchat.token')") != null);
        String token = (String) js("return localStorage.getItem('lawline.webchat.token')");
        assertThat(sessions.citizenOf("Bearer " + token)).isEqualTo(citizenId());

        // a message and at least one poll with the header: both answered
        driver.findElement(By.cssSelector(".quick-button[data-text='老板拖欠工资怎么办']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".row.bot.answer")));
        wait.until(d -> ((Number) js("return performance.getEntriesByType('resource')"
                + ".filter(function (e) { return e.name.indexOf('api/web/messages?') >= 0; }).length")).intValue() > 0);
        @SuppressWarnings("unchecked")
        List<String> urls = (List<String>) js("return performance.getEntriesByType('resource').map(function (e) { return e.name; })");
        assertThat(urls).noneMatch(url -> url.contains(token.substring(token.lastIndexOf('.') + 1)));
        assertThat(conversations.receivedFrom(citizenId())).hasSize(1);
    }

    @Test
    void typedQuestionIsAnsweredWithItsCitations() {
        WebElement input = driver.findElement(By.id("input"));
        input.sendKeys("老板拖欠工资怎么办");
        input.sendKeys(Keys.ENTER);

        WebElement answer = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".row.bot.answer")));
        assertThat(answer.findElement(By.cssSelector(".bubble")).getText())
                .contains("用人单位应当按时足额支付劳动报酬。")
                .contains("\n"); // the engine's line break survives
        assertThat(answer.findElements(By.cssSelector(".tag"))).extracting(WebElement::getText)
                .containsExactly("《劳动合同法》第三十条", "《劳动合同法》第八十五条");
        assertThat(text(By.cssSelector(".row.user .bubble"))).isEqualTo("老板拖欠工资怎么办");
        assertThat(input.getAttribute("value")).isEmpty();
        assertThat(conversations.receivedTexts()).containsExactly("老板拖欠工资怎么办");
    }

    @Test
    void markupInRepliesIsShownAsTextAndNeverRuns() {
        conversations.answerWith(message -> new Reply.Answer(Replies.XSS, DialogState.BOT, "faq-x", 0.5,
                List.of(new LawReference("<img src=x onerror=window.__xss=3>", "第一条"))));
        WebElement input = driver.findElement(By.id("input"));
        input.sendKeys(Replies.XSS);
        input.sendKeys(Keys.ENTER);

        WebElement answer = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".row.bot.answer")));
        assertThat(answer.findElement(By.cssSelector(".bubble")).getText()).isEqualTo(Replies.XSS);
        assertThat(answer.findElement(By.cssSelector(".tag")).getText()).isEqualTo("《<img src=x onerror=window.__xss=3>》第一条");
        assertThat(text(By.cssSelector(".row.user .bubble"))).isEqualTo(Replies.XSS);

        // A message pushed later (a lawyer's reply) goes through the polling path: the same rule.
        events.publishEvent(new ReplyComposed(EventId.next(), ConversationId.next(), new ChannelIdentity(Channel.WEB, "default", citizenId()), Optional.empty(),
                new Reply.Handoff(Replies.XSS, DialogState.WITH_LAWYER), Instant.now()));
        WebElement later = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".row.later .bubble")));
        assertThat(later.getText()).isEqualTo(Replies.XSS);

        assertThat(js("return typeof window.__xss")).isEqualTo("undefined");
        assertThat(driver.findElements(By.cssSelector("#messages img, #messages script"))).isEmpty();
    }

    @Test
    void underAnAnswerTheCitizenSaysWhetherItHelpedAndTheVerdictIsKeptWithThatAnswer() {
        driver.findElement(By.cssSelector(".quick-button[data-text='老板拖欠工资怎么办']")).click();
        WebElement answer = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".row.bot.answer")));
        List<WebElement> buttons = answer.findElements(By.cssSelector(".feedback .feedback-button"));
        assertThat(buttons).extracting(WebElement::getText).containsExactly("有用", "没用");

        buttons.get(0).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".row.bot.answer .feedback-status"), "谢谢您的反馈"));
        assertThat(buttons.get(0).getAttribute("class")).contains("picked");
        String turn = sql.queryForObject("select t.id from conversation_turn t join turn_feedback f on f.turn_id = t.id"
                + " where t.citizen_id = ? and t.speaker = 'BOT' and f.verdict = 'USEFUL'", String.class, citizenId());
        assertThat(turn).isNotBlank();

        // the citizen changes their mind: the same answer, the other verdict
        buttons.get(1).click();
        wait.until(d -> "NOT_USEFUL".equals(sql.queryForObject("select verdict from turn_feedback where turn_id = ?", String.class, turn)));
        assertThat(buttons.get(0).getAttribute("class")).doesNotContain("picked");
    }

    @Test
    void choicesAndNoAnswerCarryNoFeedbackButtons() {
        driver.findElement(By.cssSelector(".quick-button[data-text='离婚孩子归谁']")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".row.bot.choices .choice"), 3));
        driver.findElement(By.cssSelector(".quick-button[data-text='被公司辞退有补偿吗']")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".row.bot.no_answer"), 1));

        assertThat(driver.findElements(By.cssSelector(".feedback"))).isEmpty();
    }

    @Test
    void choicesAreButtonsAndClickingOneSendsItsQuestion_notItsNumber() {
        driver.findElement(By.cssSelector(".quick-button[data-text='离婚孩子归谁']")).click();

        List<WebElement> choices = wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".row.bot.choices .choice"), 3));
        assertThat(choices).extracting(WebElement::getText)
                .containsExactly("1. 离婚后孩子的抚养权归谁", "2. 离婚后抚养费怎么算", "3. 离婚后怎么探望孩子");
        assertThat(text(By.id("state"))).isEqualTo("请选择您想问的问题");

        choices.get(1).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".row.bot.answer")));
        assertThat(conversations.receivedTexts()).containsExactly("离婚孩子归谁", "离婚后抚养费怎么算");
        assertThat(driver.findElements(By.cssSelector(".row.user .bubble"))).extracting(WebElement::getText)
                .containsExactly("离婚孩子归谁", "离婚后抚养费怎么算");
        assertThat(text(By.cssSelector(".row.bot.answer .bubble"))).startsWith("您选择了第2项");
        assertThat(text(By.cssSelector(".row.bot.answer .tag"))).isEqualTo("《民法典》第一千零八十四条");
        assertThat(choices.get(0).isEnabled()).isFalse();
    }

    @Test
    void theQuestionsAnAnswerSuggestsAreButtonsThatAskThem() {
        WebElement input = driver.findElement(By.id("input"));
        input.sendKeys("离婚后孩子归谁管");
        input.sendKeys(Keys.ENTER);

        List<WebElement> suggestions = wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".row.bot.answer .choice"), 2));
        assertThat(suggestions).extracting(WebElement::getText).containsExactly("离婚后抚养费怎么算", "离婚后怎么探望孩子");

        suggestions.get(0).click();

        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".row.bot.answer"), 2));
        assertThat(conversations.receivedTexts()).containsExactly("离婚后孩子归谁管", "离婚后抚养费怎么算");
    }

    @Test
    void askingForAPersonShowsTheQueueAndTheLawyersLaterReply() {
        driver.findElement(By.cssSelector(".quick-button[data-text='转人工']")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".row.bot.handoff")));
        assertThat(text(By.id("state"))).isEqualTo("排队等待律师中");
        assertThat(text(By.cssSelector(".row.bot.handoff .meta"))).isEqualTo("排队等待律师中");

        // The duty lawyer picks the chat up and replies: that leaves as a ReplyComposed without inReplyTo.
        ChannelIdentity me = new ChannelIdentity(Channel.WEB, "default", citizenId());
        conversations.putState(me, DialogState.WITH_LAWYER);
        events.publishEvent(new ReplyComposed(EventId.next(), ConversationId.next(), me, Optional.empty(),
                new Reply.Handoff("您好，我是值班律师。请问拖欠了几个月工资？\n有劳动合同吗？", DialogState.WITH_LAWYER), Instant.now()));

        WebElement later = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".row.later .bubble")));
        assertThat(later.getText()).isEqualTo("您好，我是值班律师。请问拖欠了几个月工资？\n有劳动合同吗？");
        wait.until(ExpectedConditions.textToBe(By.id("state"), "律师已接入"));
    }

    @Test
    void apiErrorsAreShownInTheChat() {
        conversations.answerWith(message -> {
            throw new IllegalStateException("engine down");
        });
        WebElement input = driver.findElement(By.id("input"));
        input.sendKeys("你好");
        input.sendKeys(Keys.ENTER);

        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".system-line.error")));
        assertThat(error.getText()).isEqualTo("系统繁忙，请稍后再试");
    }

    @Test
    void aRetryThatFindsItsMessageStillBeingAnsweredWaitsAndShowsTheStoredAnswer() {
        conversations.answerWith(message -> {
            try {
                Thread.sleep(3000); // a slow engine: the retry arrives while this is still running
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Replies.wageAnswer();
        });
        // The first POST reaches the server, but the page sees the connection fail at once: it
        // retries the same messageId a second later, while the engine is still at work: 409 正在处理.
        js("var realFetch = window.fetch; var lost = false;"
                + "window.fetch = function (url, init) {"
                + "  var call = realFetch(url, init);"
                + "  if (!lost && init && init.method === 'POST' && String(url).indexOf('api/web/messages') >= 0) {"
                + "    lost = true; call.catch(function () {}); return Promise.reject(new TypeError('connection reset'));"
                + "  }"
                + "  return call; };");
        WebElement input = driver.findElement(By.id("input"));
        input.sendKeys("老板拖欠工资怎么办");
        input.sendKeys(Keys.ENTER);

        WebElement answer = new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".row.bot.answer")));
        assertThat(answer.findElement(By.cssSelector(".bubble")).getText()).contains("用人单位应当按时足额支付劳动报酬。");
        assertThat(driver.findElements(By.cssSelector(".system-line.error"))).isEmpty();
        assertThat(conversations.receivedTexts()).containsExactly("老板拖欠工资怎么办");
    }

    @Test
    void tooLongAMessageIsStoppedWithTheLimit() {
        js("document.getElementById('input').value = arguments[0]", "法".repeat(2001));
        driver.findElement(By.id("send")).click();

        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".system-line.error")));
        assertThat(error.getText()).isEqualTo("消息过长，请控制在2000字以内");
        assertThat(conversations.received()).isEmpty();
    }

    @Test
    void askingForAnOfficeNearbyOffersTheLocationAndANamedDistrictListsItsOfficesWithMapLinks() {
        OfficeDirectory offices = OfficeDirectory.bundled();
        conversations.answerWith(message -> offices.forText(message.text(), DialogState.BOT));
        WebElement input = driver.findElement(By.id("input"));
        input.sendKeys("附近有没有法律服务所");
        input.sendKeys(Keys.ENTER);

        WebElement asked = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".row.bot.offices")));
        assertThat(asked.findElement(By.cssSelector(".bubble")).getText()).startsWith("请问您在哪个区").contains("西湖区");
        assertThat(asked.findElement(By.cssSelector(".use-location")).getText()).isEqualTo("使用我的位置");

        input.sendKeys("西湖区");
        input.sendKeys(Keys.ENTER);

        List<WebElement> maps = wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector(".row.bot.offices .office-map"), 0));
        WebElement listed = driver.findElements(By.cssSelector(".row.bot.offices")).get(1);
        assertThat(listed.findElement(By.cssSelector(".bubble")).getText()).startsWith("西湖区的法律服务机构")
                .contains("杭州市西湖区法律援助中心", "地址：杭州市西湖区文三路198号", "电话：0571-87968148", "办公时间：")
                .doesNotContain("https://"); // the links are under the text, not in it
        assertThat(maps.get(0).getText()).isEqualTo("地图：杭州市西湖区法律援助中心");
        assertThat(maps).allSatisfy(link -> {
            assertThat(link.getAttribute("href")).startsWith("https://uri.amap.com/marker?position=");
            assertThat(link.getAttribute("target")).isEqualTo("_blank");
            assertThat(link.getAttribute("rel")).contains("noopener");
        });
        assertThat(listed.findElements(By.cssSelector(".use-location"))).isEmpty();
    }

    @Test
    void afterTheCitizenAgreesTheBrowsersPositionFindsTheNearestOffices() {
        OfficeDirectory offices = OfficeDirectory.bundled();
        conversations.answerWith(message -> offices.forText(message.text(), DialogState.BOT));
        // the browser's own permission, granted, and its position: beside the West Lake district's legal-aid centre
        ChromeDriver chrome = (ChromeDriver) driver;
        chrome.executeCdpCommand("Browser.grantPermissions",
                Map.of("origin", "http://localhost:" + port, "permissions", List.of("geolocation")));
        chrome.executeCdpCommand("Emulation.setGeolocationOverride", Map.of("latitude", 30.2775, "longitude", 120.136, "accuracy", 10));
        try {
            WebElement input = driver.findElement(By.id("input"));
            input.sendKeys("附近有没有法律服务所");
            input.sendKeys(Keys.ENTER);
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".use-location"))).click();

            // the page asks first: nothing is read or sent before the citizen agrees
            WebElement consent = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".consent")));
            assertThat(consent.getText()).contains("是否同意本页面获取您当前的位置", "不会保存");
            assertThat(officeRequests()).isZero();
            consent.findElement(By.cssSelector(".consent-yes")).click();

            List<WebElement> maps = wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".row.bot.offices .office-map"),
                    OfficeDirectory.NEAREST));
            WebElement nearest = driver.findElements(By.cssSelector(".row.bot.offices")).get(1);
            assertThat(nearest.findElement(By.cssSelector(".bubble")).getText()).startsWith("离您最近的法律服务机构")
                    .contains("1. 杭州市西湖区法律援助中心", "距离：约");
            assertThat(maps.get(0).getAttribute("href")).startsWith("https://uri.amap.com/marker?position=120.136500,30.277200");
            assertThat(officeRequests()).isEqualTo(1);
            assertThat(conversations.receivedTexts()).containsExactly("附近有没有法律服务所"); // the position is no message
        } finally {
            chrome.executeCdpCommand("Emulation.clearGeolocationOverride", Map.of());
            chrome.executeCdpCommand("Browser.resetPermissions", Map.of());
        }
    }

    @Test
    void decliningKeepsThePositionUnreadAndAsksForTheDistrictInstead() {
        OfficeDirectory offices = OfficeDirectory.bundled();
        conversations.answerWith(message -> offices.forText(message.text(), DialogState.BOT));
        WebElement input = driver.findElement(By.id("input"));
        input.sendKeys("附近有没有法律服务所");
        input.sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".use-location"))).click();

        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".consent-no"))).click();

        WebElement line = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".system-line")));
        assertThat(line.getText()).isEqualTo("好的，请直接回复您所在的区，例如：西湖区");
        assertThat(driver.findElements(By.cssSelector(".consent"))).isEmpty();
        assertThat(officeRequests()).isZero();
    }

    private long officeRequests() {
        return ((Number) js("return performance.getEntriesByType('resource')"
                + ".filter(function (e) { return e.name.indexOf('api/web/offices/nearest') >= 0; }).length")).longValue();
    }

    private String citizenId() {
        return (String) js("return localStorage.getItem('lawline.webchat.citizenId')");
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private String text(By by) {
        return driver.findElement(by).getText();
    }
}
