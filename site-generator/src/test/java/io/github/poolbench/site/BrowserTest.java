package io.github.poolbench.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.SimpleFileServer;
import io.github.poolbench.Fixtures;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The built lessons in a real browser: Debian's headless Chromium, driven by Selenium with an
 * explicit chromedriver so nothing is downloaded. Skips where Chromium is not installed, except in
 * CI ({@code CI=true}), where a missing browser is a failure.
 */
class BrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    @TempDir
    static Path temp;

    static Path site;
    /** The real index.md's findings, built against a full run. */
    static Path landing;
    /** The site as published (the repository's content and reference results), served over HTTP on the loopback address. */
    static Path real;

    static HttpServer server;
    static ChromeDriverService service;
    static ChromeDriver driver;

    @BeforeAll
    static void start() throws IOException {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && "true".equals(System.getenv("CI"))) {
            fail("CI=true but " + CHROMIUM + " or " + CHROMEDRIVER
                    + " is missing: install chromium and chromium-driver");
        }
        Assumptions.assumeTrue(
                installed,
                "browser tests skipped: no " + CHROMIUM + " and " + CHROMEDRIVER
                        + " (apt-get install chromium chromium-driver)");
        site = temp.resolve("site");
        new SiteBuilder()
                .build(new BuildRequest(
                        Fixtures.fixture("gtn/content"),
                        Fixtures.templates(),
                        Fixtures.fixture("results"),
                        site,
                        Optional.empty(),
                        false));
        landing = temp.resolve("landing");
        new SiteBuilder()
                .build(new BuildRequest(
                        HeadlinesTest.landingContent(temp.resolve("landing-content")),
                        Fixtures.templates(),
                        Fixtures.fixture(HeadlinesTest.RESULTS),
                        landing,
                        Optional.empty(),
                        false));

        real = RealSite.shared();
        server = SimpleFileServer.createFileServer(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), real, SimpleFileServer.OutputLevel.NONE);
        server.start();

        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
                "--user-data-dir=" + Files.createTempDirectory(temp, "chromium-profile-"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        driver = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() throws InterruptedException, ExecutionException {
        List<ProcessHandle> browsers = ProcessHandle.current()
                .descendants()
                .filter(p -> p.info().command().orElse("").contains("chrom"))
                .toList();
        if (driver != null) {
            driver.quit();
        }
        if (service != null) {
            service.stop();
        }
        if (server != null) {
            server.stop(0);
        }
        for (ProcessHandle browser : browsers) {
            try {
                browser.onExit().get(30, TimeUnit.SECONDS); // a hang guard: quit() asks them to go
            } catch (TimeoutException e) {
                browser.destroyForcibly();
                fail("chromium process " + browser.pid() + " outlived driver.quit()");
            }
        }
        assertEquals(
                List.of(),
                ProcessHandle.current()
                        .descendants()
                        .filter(ProcessHandle::isAlive)
                        .filter(p -> p.info().command().orElse("").contains("chrom"))
                        .map(ProcessHandle::pid)
                        .toList(),
                "no chromium left running");
    }

    @BeforeEach
    void lightScreen() {
        media("screen", "light");
        driver.manage().window().setSize(new Dimension(1280, 900));
    }

    private static void open(String page) {
        open(site, page);
    }

    private static void open(Path root, String page) {
        driver.get(root.resolve(page).toUri().toString());
        driver.manage().logs().get(LogType.BROWSER); // a fresh page: older entries belong to older pages
        driver.navigate().refresh();
    }

    private static void media(String type, String scheme) {
        driver.executeCdpCommand(
                "Emulation.setEmulatedMedia",
                Map.of("media", type, "features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    @Test
    void solutionsStartCollapsedAndOpenOnClick() {
        open("lessons/threads-and-pools.html");
        WebElement solution = driver.findElement(By.cssSelector(".box-question details.box-solution"));
        WebElement answer = solution.findElement(By.cssSelector(".box-content"));

        assertEquals("false", String.valueOf(solution.getDomProperty("open")));
        assertFalse(answer.isDisplayed(), "the answer is hidden at first");

        solution.findElement(By.tagName("summary")).click();

        assertEquals("true", String.valueOf(solution.getDomProperty("open")));
        assertTrue(answer.isDisplayed(), "the answer shows after a click");
        assertTrue(answer.getText().contains("300 ms"), answer.getText());
    }

    @Test
    void aTipOpensFromTheKeyboard() {
        open("lessons/threads-and-pools.html");
        WebElement tip = driver.findElement(By.id("tip-virtual-threads"));
        WebElement summary = tip.findElement(By.tagName("summary"));

        js("arguments[0].focus()", summary);
        summary.sendKeys(Keys.ENTER);

        assertEquals("true", String.valueOf(tip.getDomProperty("open")));
        assertTrue(tip.findElement(By.cssSelector(".box-content")).isDisplayed());
    }

    @Test
    void printingOpensEveryCollapsedBox() {
        open("lessons/threads-and-pools.html");
        media("print", "light");

        // Selenium's isDisplayed() calls anything in a closed <details> hidden; ask the layout instead
        List<?> hidden = (List<?>) js("return Array.from(document.querySelectorAll('details.box > .box-content'))"
                + ".filter(c => c.getBoundingClientRect().height === 0).map(c => c.parentElement.id)");
        assertFalse(
                driver.findElements(By.cssSelector("details.box:not([open])")).isEmpty(), "closed boxes to print");
        assertEquals(List.of(), hidden, "boxes printed closed");
        assertFalse(driver.findElement(By.cssSelector(".site-header")).isDisplayed(), "no site chrome on paper");
    }

    /** The page's own CSP, enforced by the browser: a script put into the page does not run, and says why. */
    @Test
    void aScriptPutIntoAPageDoesNotRun() {
        open("lessons/threads-and-pools.html");

        Object ran = js("const s = document.createElement('script'); s.textContent = 'window.ran = true';"
                + "document.head.appendChild(s); return window.ran === true;");

        assertEquals(false, ran);
        List<String> messages = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .toList();
        assertTrue(
                messages.stream()
                        .anyMatch(m -> m.contains(
                                "Executing inline script violates the following Content Security Policy directive "
                                        + "'script-src 'none''")),
                messages.toString());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"index.html", "lessons/threads-and-pools.html", "lessons/basics/first-steps.html"})
    void everyImageLoadsAndTheConsoleStaysClean(String page) {
        open(page);
        js("document.querySelectorAll('details').forEach(d => d.open = true)"); // images in closed boxes too

        @SuppressWarnings("unchecked")
        List<String> broken = (List<String>)
                ((JavascriptExecutor) driver)
                        .executeAsyncScript(
                                "const done = arguments[arguments.length - 1];"
                                        + "Promise.all(Array.from(document.images).map(i => i.decode().catch(() => null)))"
                                        + ".then(() => done(Array.from(document.images).filter(i => i.naturalWidth === 0).map(i => i.src)));");
        List<String> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogEntry::toString)
                .toList();

        assertEquals(List.of(), broken, "images that did not load");
        assertTrue(
                ((Number) js("return document.images.length")).intValue() > 0
                        || page.endsWith("first-steps.html")
                        || page.equals("index.html"),
                "the page has images to check");
        assertEquals(List.of(), errors, "console errors and warnings");
    }

    @Test
    void darkThemeFollowsTheSystemAndScreenshotsAreSaved() throws IOException {
        open("lessons/threads-and-pools.html");
        String light = String.valueOf(js("return getComputedStyle(document.body).backgroundColor"));
        screenshot("lesson-light.png", 1280);

        media("screen", "dark");
        String dark = String.valueOf(js("return getComputedStyle(document.body).backgroundColor"));
        screenshot("lesson-dark.png", 1280);

        assertNotEquals(light, dark, "prefers-color-scheme: dark changes the page");
        assertEquals("rgb(18, 20, 24)", dark);

        screenshot("lesson-dark-phone.png", 390);
        media("screen", "light");
        screenshot("lesson-light-phone.png", 390);
        open("index.html");
        screenshot("index-light.png", 1280);
        media("screen", "dark");
        screenshot("index-dark.png", 1280);
        assertTrue(Files.size(SCREENSHOTS.resolve("lesson-dark.png")) > 10_000, "a real picture");
    }

    @Test
    void narrowScreensDoNotScrollSideways() {
        open("lessons/threads-and-pools.html");
        driver.manage().window().setSize(new Dimension(390, 900));

        assertNoSidewaysScrolling();
    }

    /** The page is no wider than the window; otherwise the message names the elements that stick out. */
    private static void assertNoSidewaysScrolling() {
        long overflow = ((Number)
                        js("return document.documentElement.scrollWidth - document.documentElement.clientWidth"))
                .longValue();

        assertEquals(0, overflow, "page wider than a phone screen, because of: " + widest());
    }

    /** The elements that stick out of the window, unless a scrolling box holds them, widest first. */
    private static Object widest() {
        return js("const clipped = e => { for (let p = e.parentElement; p; p = p.parentElement) {"
                + " if (getComputedStyle(p).overflowX !== 'visible') return true; } return false; };"
                + "return Array.from(document.querySelectorAll('body *')).filter(e => !clipped(e)"
                + " && e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)"
                + ".map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().width)"
                + " + ' \"' + e.textContent.substring(0, 40) + '\"').slice(0, 12).join(', ')");
    }

    @Test
    void theHeadlineChartsLoadAndEachFindingHasAVerdict() {
        open(landing, "index.html");

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> findings = (List<Map<String, Object>>)
                ((JavascriptExecutor) driver)
                        .executeAsyncScript(
                                "const done = arguments[arguments.length - 1];"
                                        + "const cards = Array.from(document.querySelectorAll('article.finding'));"
                                        + "Promise.all(Array.from(document.images).map(i => i.decode().catch(() => null))).then(() => done(cards.map(c => ({"
                                        + " title: c.querySelector('h3').textContent,"
                                        + " widths: Array.from(c.querySelectorAll('figure.chart img')).map(i => i.naturalWidth),"
                                        + " verdicts: c.querySelectorAll('.verdict[data-expected][data-verdict]').length,"
                                        + " shown: c.querySelector('.verdict') !== null && c.querySelector('.verdict').getBoundingClientRect().height > 0}))));");

        assertEquals(4, findings.size(), String.valueOf(findings));
        for (Map<String, Object> finding : findings) {
            List<?> widths = (List<?>) finding.get("widths");
            assertEquals(1, widths.size(), "one chart: " + finding);
            assertTrue(((Number) widths.getFirst()).longValue() > 0, "the chart loaded: " + finding);
            assertTrue(((Number) finding.get("verdicts")).longValue() >= 1, "a verdict element: " + finding);
            assertEquals(Boolean.TRUE, finding.get("shown"), "the verdict is on screen: " + finding);
        }
    }

    @Test
    void theHeadlineChartsTurnDarkWithTheSystem() {
        media("screen", "dark");
        open(landing, "index.html");

        @SuppressWarnings("unchecked")
        List<String> sources =
                (List<String>) js("return Array.from(document.querySelectorAll('article.finding figure.chart img'))"
                        + ".map(i => i.currentSrc.substring(i.currentSrc.lastIndexOf('/') + 1))");

        assertEquals(4, sources.size());
        assertTrue(sources.stream().allMatch(src -> src.matches("index-\\d+-dark\\.png")), String.valueOf(sources));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"index.html", "machines/amd-epyc-2c-24g-linux-4dc3b4.html"})
    void theIndexAndTheMachinePageFitAPhone(String page) {
        open(landing, page);
        driver.manage().window().setSize(new Dimension(390, 900));

        assertNoSidewaysScrolling();
    }

    @Test
    void theIndexAndTheMachinePageAreScreenshotInBothThemesAndWidths() throws IOException {
        for (String page : List.of("index.html", "machines/amd-epyc-2c-24g-linux-4dc3b4.html")) {
            String name = page.startsWith("machines/") ? "machine" : "landing";
            open(landing, page);
            for (String scheme : List.of("light", "dark")) {
                media("screen", scheme);
                screenshot(name + "-" + scheme + ".png", 1280);
                screenshot(name + "-" + scheme + "-phone.png", 390);
            }
            media("screen", "light");
        }
        assertTrue(Files.size(SCREENSHOTS.resolve("landing-dark.png")) > 10_000, "a real picture");
    }

    /** The published site's page at {@code path}, over HTTP. */
    private static String served(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + path;
    }

    @Test
    void everyLessonLinksToItsNeighboursAndFollowingALinkLandsOnThatLesson() {
        List<String> lessons = RealSite.lessonPaths(real);
        assertTrue(lessons.size() >= 2, "the index lists " + lessons);

        for (int i = 0; i < lessons.size(); i++) {
            driver.get(served(lessons.get(i)));
            List<WebElement> prev = driver.findElements(By.cssSelector("a[rel=prev]"));
            List<WebElement> next = driver.findElements(By.cssSelector("a[rel=next]"));

            assertEquals(i > 0 ? 1 : 0, prev.size(), lessons.get(i) + ": rel=prev links");
            assertEquals(i + 1 < lessons.size() ? 1 : 0, next.size(), lessons.get(i) + ": rel=next links");
            if (i > 0) {
                prev.getFirst().click();
                assertLandedOn(lessons, i - 1);
                driver.navigate().back();
            }
            if (i + 1 < lessons.size()) {
                driver.findElement(By.cssSelector("a[rel=next]")).click();
                assertLandedOn(lessons, i + 1);
            }
        }
    }

    /** The browser shows lesson {@code index} (from 0) of the path: its address, and its number in its header. */
    private static void assertLandedOn(List<String> lessons, int index) {
        assertEquals(served(lessons.get(index)), driver.getCurrentUrl());
        assertEquals(
                "Lesson " + (index + 1) + " of " + lessons.size(),
                driver.findElement(By.cssSelector(".lesson-header .eyebrow"))
                        .getDomProperty("textContent")
                        .replaceFirst(" · .*", ""));
    }

    @Test
    void thePublishedIndexShowsAtLeastThreeHeadlineChartsThatLoadEachWithTheVerdictItExpects() {
        driver.get(served("index.html"));

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> charts = (List<Map<String, Object>>) ((JavascriptExecutor) driver)
                .executeAsyncScript("const done = arguments[arguments.length - 1];"
                        + "const images = Array.from(document.querySelectorAll('article.finding figure.chart img'));"
                        + "Promise.all(images.map(i => i.decode().catch(() => null))).then(() => done(images.map(i => ({"
                        + " src: i.currentSrc, width: i.naturalWidth,"
                        + " verdicts: Array.from(i.closest('article.finding').querySelectorAll('.verdict[data-verdict]'))"
                        + "   .map(v => v.dataset.expected + ' ' + v.dataset.verdict)}))));");

        assertTrue(charts.size() >= 3, "headline charts on the index: " + charts);
        for (Map<String, Object> chart : charts) {
            assertTrue(((Number) chart.get("width")).longValue() > 0, "the chart did not load: " + chart);
            List<?> verdicts = (List<?>) chart.get("verdicts");
            assertFalse(verdicts.isEmpty(), "a finding without a verdict: " + chart);
            for (Object verdict : verdicts) {
                String[] pair = verdict.toString().split(" ");
                assertEquals(pair[0], pair[1], "a verdict other than expected: " + chart);
            }
        }
    }

    @Test
    void theIndexAndEveryLessonFitA390PixelScreenWithoutSidewaysScrolling() {
        List<String> pages = new java.util.ArrayList<>(List.of("index.html"));
        pages.addAll(RealSite.lessonPaths(real));
        driver.manage().window().setSize(new Dimension(390, 900));
        List<String> wide = new java.util.ArrayList<>();

        for (String page : pages) {
            driver.get(served(page));
            js("document.querySelectorAll('details').forEach(d => d.open = true)"); // what a reader opens counts too
            long inner = ((Number) js("return window.innerWidth")).longValue();
            long scroll = ((Number) js("return document.documentElement.scrollWidth")).longValue();
            assertTrue(inner <= 390, page + ": the window is " + inner + " px wide, not a phone's 390");
            if (scroll > inner) {
                wide.add(page + " is " + scroll + " px wide in a " + inner + " px window, because of: " + widest());
            }
        }

        assertEquals(List.of(), wide);
    }

    @Test
    void noCodeBlockScrollsSidewaysAt1280Pixels() {
        List<String> pages = new java.util.ArrayList<>(List.of("index.html"));
        pages.addAll(RealSite.lessonPaths(real));
        List<String> wide = new java.util.ArrayList<>();
        int blocks = 0;

        for (String page : pages) {
            driver.get(served(page));
            js("document.querySelectorAll('details').forEach(d => d.open = true)");
            @SuppressWarnings("unchecked")
            List<String> scrolling = (List<String>)
                    js(
                            "return [...document.querySelectorAll('pre')]"
                                    + ".filter(pre => pre.scrollWidth > pre.clientWidth)"
                                    + ".map(pre => pre.scrollWidth + ' > ' + pre.clientWidth + ': ' + pre.textContent.trim().split('\\n')[0])");
            blocks += ((Number) js("return document.querySelectorAll('pre').length")).intValue();
            scrolling.forEach(block -> wide.add(page + ": " + block));
        }

        assertTrue(blocks >= 40, "the lessons hold " + blocks + " code blocks");
        assertEquals(List.of(), wide);
    }

    @Test
    void theIndexShowsTheLessonsBeforeTheFindings() {
        driver.get(served("index.html"));

        long lessons =
                ((Number) js("return document.querySelector('#lessons').getBoundingClientRect().top")).longValue();
        long findings =
                ((Number) js("return document.querySelector('#findings').getBoundingClientRect().top")).longValue();
        long firstCard = ((Number)
                        js("return document.querySelector('.lesson-list .card').getBoundingClientRect().top"))
                .longValue();

        assertTrue(lessons < findings, "lessons at " + lessons + " px, findings at " + findings + " px");
        assertTrue(firstCard < 900, "the first lesson card starts at " + firstCard + " px, below a 900 px window");
    }

    /** The whole page: the window grows to the document's height first. */
    private static void screenshot(String name, int width) throws IOException {
        driver.manage().window().setSize(new Dimension(width, 900));
        long height = ((Number) js("return document.documentElement.scrollHeight")).longValue();
        driver.manage().window().setSize(new Dimension(width, (int) Math.min(height + 120, 12_000)));
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
