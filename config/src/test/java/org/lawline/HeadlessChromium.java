package org.lawline;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** The Debian Chromium the page tests drive, started the same way for every page. */
public final class HeadlessChromium {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private HeadlessChromium() {
    }

    /**
     * A new headless browser with a window of this size ({@code "1280,860"}), in Chinese, with a
     * profile of its own and a driver service of its own (quitting the driver stops it). Fails the
     * test, saying how to install them, when Chromium or its driver is missing.
     *
     * @param tested what is tested, for that message: "The inbox"
     * @return the driver, a {@link ChromeDriver} for tests that also send DevTools commands (a position, permissions)
     */
    public static ChromeDriver start(String tested, String windowSize) throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail(tested + " is tested in headless Chromium, but " + CHROMIUM + " or " + CHROMEDRIVER
                    + " is missing: apt-get install -y chromium chromium-driver");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=" + windowSize, "--lang=zh-CN", "--user-data-dir=" + Files.createTempDirectory("chrome"));
        // the driver's path is given, so Selenium Manager never tries to download one
        return new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                .build(), options);
    }
}
