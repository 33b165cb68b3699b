package org.mms.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mms.admin.Views;
import org.mms.testing.RequiredServer;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser (Debian's chromium, headless) against the real service on an embedded
 * database: sign in, watch a bulk change reach Succeeded on the overview (live, by the page's polling),
 * open a migration, its block diff and its HTML block rendered before and after in sandboxed frames, see a hostile
 * title and a hostile HTML block stay harmless, migrate again, sign out; a Reader
 * gets no button and a forged post is refused. Each page is written to {@code target/screenshots/}.
 */
class DashboardBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    Path dir;

    private DashboardService mms;
    private WebDriver browser;

    @BeforeEach
    void start() throws Exception {
        Path chromium = RequiredServer.assumeInstalled(Path.of("/usr/bin/chromium"), "chromium");
        Path driver = RequiredServer.assumeInstalled(Path.of("/usr/bin/chromedriver"), "chromium-driver");
        System.setProperty("SE_OFFLINE", "true");
        mms = new DashboardService(dir.resolve("data"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1280,1000",
                "--user-data-dir=" + Files.createDirectories(dir.resolve("chromium")));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(driver.toString())).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (mms != null) {
            mms.close();
        }
    }

    @Test
    void anOperatorWatchesABulkChangeSucceedOpensTheDiffMigratesAgainAndSignsOut() throws Exception {
        browser.get(mms.url() + "/");
        assertThat(browser.getCurrentUrl()).endsWith("/sign-in");
        shot("sign-in");
        // Keyboard only: the token field has the focus, Enter submits.
        toNextPage(() -> browser.switchTo().activeElement().sendKeys(mms.operator, Keys.ENTER));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Overview");

        mms.bulkChange();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(90));
        // The poll replaces the table's cells; a cell read while that happens is stale, and read again.
        wait.ignoring(StaleElementReferenceException.class).until(b -> count(b, "Succeeded") > 0 && count(b, "Pending") == 0 && count(b, "InProgress") == 0);
        assertThat(browser.findElement(By.cssSelector("figure svg")).getAttribute("aria-label")).contains("meetings migrated");
        shot("overview");
        browser.manage().window().setSize(new Dimension(390, 844));
        shot("overview-narrow");
        browser.manage().window().setSize(new Dimension(1280, 1000));

        toNextPage(() -> browser.findElement(By.linkText("Migrations")).click());
        assertThat(browser.findElements(By.cssSelector("tbody tr"))).isNotEmpty();
        shot("migrations");

        Views.MigrationStatus first = mms.firstHostileMigration();
        browser.get(mms.url() + "/migrations/" + first.CorrelationId());
        WebElement subject = browser.findElement(By.cssSelector("main table tbody tr td"));
        assertThat(subject.getText()).isEqualTo(DashboardService.HOSTILE_TITLE);
        assertThat(browser.getTitle()).doesNotContain("owned");
        assertThat(browser.findElements(By.cssSelector("main img"))).isEmpty();
        WebElement diff = browser.findElements(By.cssSelector("details.diff")).stream()
                .filter(d -> !d.findElements(By.cssSelector(".del")).isEmpty() && !d.findElements(By.cssSelector(".ins")).isEmpty())
                .findFirst().orElseThrow();
        assertThat(diff.findElement(By.cssSelector(".ins")).isDisplayed()).as("closed until opened").isFalse();
        diff.findElement(By.tagName("summary")).click();
        assertThat(diff.findElements(By.cssSelector(".del")).stream().anyMatch(WebElement::isDisplayed)).isTrue();
        assertThat(diff.findElements(By.cssSelector(".ins")).stream().anyMatch(WebElement::isDisplayed)).isTrue();
        // A Skype meeting's: the hostile HTML went into those blocks.
        WebElement rendered = browser.findElements(By.cssSelector("details.rendered")).stream()
                .filter(d -> d.findElement(By.tagName("iframe")).getDomAttribute("srcdoc").contains("Kept red")).findFirst().orElseThrow();
        rendered.findElement(By.tagName("summary")).click();
        List<WebElement> frames = rendered.findElements(By.tagName("iframe"));
        assertThat(frames).hasSize(2).allSatisfy(f -> {
            assertThat(f.isDisplayed()).isTrue();
            assertThat(f.getDomAttribute("sandbox")).isEmpty();
        });
        browser.switchTo().frame(frames.getFirst());
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("Kept red").doesNotContain("document.title");
        assertThat(browser.findElements(By.cssSelector("script, img, iframe, form"))).isEmpty();
        browser.switchTo().defaultContent();
        browser.switchTo().frame(frames.getLast());
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("Join").doesNotContain("Kept red");
        browser.switchTo().defaultContent();
        assertThat(browser.getTitle()).as("no script of the block ran").doesNotContain("owned");
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", rendered);
        shot("migration");

        toNextPage(() -> browser.findElement(By.xpath("//button[text()='Migrate again']")).click());
        assertThat(browser.getCurrentUrl()).contains("/migrations?user=");
        assertThat(mms.hostileMigration().CorrelationId()).isNotEqualTo(first.CorrelationId());
        shot("migrated-again");

        toNextPage(() -> browser.findElement(By.linkText("Changes")).click());
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("ManualMigration", "MovedToOnline");
        shot("changes");

        signOut();
        toNextPage(() -> browser.findElement(By.id("token")).sendKeys(mms.admin, Keys.ENTER));
        toNextPage(() -> browser.findElement(By.linkText("Settings")).click());
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Calendar store", "PasswordSet");
        toNextPage(() -> browser.findElement(By.xpath("//button[text()='Test the connection']")).click());
        assertThat(browser.findElement(By.cssSelector("p.ok")).getText()).contains("works");
        shot("settings");
        signOut();
    }

    @Test
    void aReaderSeesNoActionAndAForgedPostIsRefused() throws Exception {
        mms.bulkChange();
        mms.awaitMigrations();
        browser.get(mms.url() + "/sign-in");
        toNextPage(() -> browser.findElement(By.id("token")).sendKeys(mms.reader, Keys.ENTER));
        String correlationId = mms.firstHostileMigration().CorrelationId();
        browser.get(mms.url() + "/migrations/" + correlationId);

        assertThat(browser.findElements(By.xpath("//button[text()='Migrate again']"))).isEmpty();
        assertThat(browser.findElements(By.linkText("Settings"))).isEmpty();
        shot("migration-reader");
        // The reader's own page, its own CSRF token, the action's route: the server still refuses.
        Object status = ((JavascriptExecutor) browser).executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                var csrf = document.querySelector('input[name=csrf]').value;
                fetch(arguments[0], {method: 'POST', headers: {'Content-Type': 'application/x-www-form-urlencoded'},
                    body: 'csrf=' + encodeURIComponent(csrf)}).then(function (r) { done(r.status); });""",
                "/migrations/" + correlationId + "/migrate-again");
        assertThat(((Number) status).intValue()).isEqualTo(403);
        assertThat(mms.hostileMigration().CorrelationId()).isEqualTo(correlationId);
        signOut();
    }

    private void signOut() {
        toNextPage(() -> browser.findElement(By.xpath("//button[text()='Sign out']")).click());
        assertThat(browser.getCurrentUrl()).endsWith("/sign-in");
    }

    /**
     * Does what leads to another page and returns once that page has loaded. A click on a link or a submit
     * button returns before the browser has left the old page, so reading the URL or an element right after
     * it can still see the old page (and does, on a loaded machine); the old page's root going stale is the
     * sign that the new one replaced it.
     */
    private void toNextPage(Runnable action) {
        WebElement oldPage = browser.findElement(By.tagName("html"));
        action.run();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        wait.until(ExpectedConditions.stalenessOf(oldPage));
        wait.until(b -> "complete".equals(((JavascriptExecutor) b).executeScript("return document.readyState")));
    }

    /** The overview's user count of a state; 0 while the state has no row. */
    private static long count(WebDriver browser, String state) {
        List<WebElement> cell = browser.findElements(By.id("state-" + state));
        return cell.isEmpty() ? 0 : Long.parseLong(cell.getFirst().getText().strip());
    }

    private void shot(String page) throws IOException {
        Files.write(SCREENSHOTS.resolve(page + ".png"), ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
