package dev.airlock.db.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The HTML report of the seed incident (V3 drops orders.legacy_order_id, which two checkout
 * routines still read) opened in a real headless Chromium: what a reviewer sees, not what the
 * markup says. The dropped column is red and struck through, the broken function links to the
 * dropped column and following the link brings it into view, the data at risk is on screen, and
 * a page whose names are HTML runs nothing. A full-page screenshot goes to
 * target/verify-report.png.
 *
 * <p>Uses Debian's chromium and chromium-driver (never a download; {@code -Dairlock.chromium=PATH}
 * and {@code -Dairlock.chromedriver=PATH} point elsewhere): missing, the test is skipped, unless
 * {@code AIRLOCK_BROWSER_TESTS=required} (CI sets it), where it fails.
 */
class HtmlReportBrowserTest {
  static final Path CHROMIUM = Path.of(System.getProperty("airlock.chromium", "/usr/bin/chromium"));
  static final Path CHROMEDRIVER = Path.of(System.getProperty("airlock.chromedriver", "/usr/bin/chromedriver"));
  static final Path SCREENSHOT = Path.of("target/verify-report.png");

  static ChromeDriver driver;
  static Path page;

  @BeforeAll
  static void openTheReport(@TempDir Path dir) throws Exception {
    if (!browserPresent()) {
      return;
    }
    page = dir.resolve("verify-report.html");
    Files.writeString(page, VerifyReports.render(Reports.orders(), "html"), StandardCharsets.UTF_8);
    // the driver is named explicitly, so Selenium Manager never looks for (or downloads) one
    System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--hide-scrollbars", "--window-size=1280,800");
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
  }

  /** False when chromium or its driver is missing; fails instead under AIRLOCK_BROWSER_TESTS=required. */
  static boolean browserPresent() {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!present && "required".equals(System.getenv("AIRLOCK_BROWSER_TESTS"))) {
      fail("AIRLOCK_BROWSER_TESTS=required but " + (Files.isExecutable(CHROMIUM) ? CHROMEDRIVER : CHROMIUM)
          + " is missing: install Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)");
    }
    return present;
  }

  @AfterAll
  static void close() {
    if (driver != null) {
      driver.quit();
    }
  }

  @BeforeEach
  void load() {
    Assumptions.assumeTrue(driver != null, "no " + CHROMIUM + " or no " + CHROMEDRIVER + " (apt-get install chromium chromium-driver); AIRLOCK_BROWSER_TESTS=required makes this a failure");
    driver.manage().window().setSize(new Dimension(1280, 800));
    driver.get(page.toUri().toString());
  }

  @Test
  void theVerdictAndTheCountsComeFirst() {
    WebElement summary = driver.findElement(By.id("summary"));
    assertThat(summary.getRect().getY()).isLessThan(200);
    assertThat(summary.findElement(By.className("verdict-title")).getText()).startsWith("Unsafe");
    assertThat(driver.findElement(By.cssSelector("#tile-critical .n")).getText()).isEqualTo("2");
    assertThat(summary.findElement(By.className("findings")).findElements(By.tagName("li")).get(0).getText())
        .startsWith("CRITICAL")
        .contains("checkout.find_order_by_legacy_id");
  }

  @Test
  void theDroppedColumnIsRedAndStruckThrough() {
    WebElement row = driver.findElement(By.id("col-public.orders.legacy_order_id"));
    WebElement name = row.findElement(By.className("col-name"));
    assertThat(name.isDisplayed()).isTrue();
    assertThat(name.getText()).isEqualTo("legacy_order_id");
    assertThat(rgb(name.getCssValue("color"))).satisfies(HtmlReportBrowserTest::isRed);
    assertThat(name.getCssValue("text-decoration-line")).isEqualTo("line-through");
    assertThat(rgb(row.getCssValue("background-color"))).satisfies(c -> assertThat(c[0]).isGreaterThan(c[1] + 10));
    // the columns it keeps are neither red nor struck through
    WebElement kept = driver.findElement(By.id("col-public.orders.total_cents")).findElement(By.className("col-name"));
    assertThat(kept.getCssValue("text-decoration-line")).isEqualTo("none");
    assertThat(rgb(kept.getCssValue("color"))).satisfies(c -> assertThat(c[0]).isLessThan(100));
  }

  @Test
  void theDataAtRiskIsOnScreen() {
    assertThat(driver.findElement(By.cssSelector("#tile-rows-at-risk .n")).getText()).isEqualTo("1,000");
    assertThat(driver.findElement(By.cssSelector("#tile-values-at-risk .n")).getText()).isEqualTo("800");
    WebElement loss = driver.findElement(By.cssSelector("#table-public\\.orders .loss"));
    assertThat(loss.isDisplayed()).isTrue();
    assertThat(loss.getText()).contains("1,000 rows").contains("800 non-null values destroyed").contains("statement 1");
    assertThat(driver.findElement(By.id("col-public.orders.legacy_order_id")).getText()).contains("800 values destroyed");
  }

  @Test
  void theBrokenFunctionLinksToTheDroppedColumnAndTheLinkBringsItIntoView() {
    WebElement dep =
        driver.findElements(By.cssSelector("li.dep")).stream()
            .filter(d -> d.findElement(By.className("dep-name")).getText().equals("checkout.find_order_by_legacy_id(p_legacy_id bigint)"))
            .findFirst()
            .orElseThrow();
    assertThat(dep.findElement(By.className("kind")).getText()).isEqualToIgnoringCase("function");
    WebElement cause = dep.findElement(By.className("cause-link"));
    assertThat(cause.getAttribute("href")).endsWith("#col-public.orders.legacy_order_id");
    assertThat(cause.getText()).isEqualTo("drops column public.orders.legacy_order_id");

    driver.manage().window().setSize(new Dimension(1280, 420));
    js("arguments[0].scrollIntoView({block: 'end'})", cause);
    WebElement column = driver.findElement(By.id("col-public.orders.legacy_order_id"));
    assertThat(inView(column)).as("the column is out of view before the click").isFalse();
    cause.click();

    assertThat(js("return location.hash")).isEqualTo("#col-public.orders.legacy_order_id");
    assertThat(js("return document.querySelector(':target') && document.querySelector(':target').id")).isEqualTo("col-public.orders.legacy_order_id");
    assertThat(inView(column)).as("the click scrolled to the column").isTrue();
    assertThat(rgb(column.getCssValue("outline-color"))).satisfies(c -> assertThat(c[0]).isGreaterThan(200));

    // and the statement it names has its own anchor, with the lock it took
    dep.findElement(By.cssSelector(".cause .stmt-link")).click();
    WebElement statement = driver.findElement(By.id("stmt-1"));
    assertThat(inView(statement)).isTrue();
    assertThat(statement.getText()).contains("ALTER TABLE orders DROP COLUMN legacy_order_id").contains("ACCESS EXCLUSIVE public.orders");
  }

  @Test
  void theRollbackPlanIsShownAsWritten() {
    WebElement plan = driver.findElement(By.cssSelector("#rollback pre"));
    assertThat(plan.getText())
        .contains("CREATE TABLE airlock_backup.orders_legacy_order_id AS SELECT id, legacy_order_id FROM public.orders;")
        .contains("ALTER TABLE public.orders ADD COLUMN legacy_order_id bigint;");
  }

  @Test
  void namesThatAreHtmlAreShownAndNeverRun() throws Exception {
    Path evil = page.resolveSibling("injection.html");
    Files.writeString(evil, VerifyReports.render(Reports.verify(HtmlReportTest.Injection.SCHEMA, HtmlReportTest.Injection.MIGRATION), "html"), StandardCharsets.UTF_8);
    driver.get(evil.toUri().toString());
    assertThat(js("return document.scripts.length + document.images.length + document.querySelectorAll('svg, b').length")).isEqualTo(0L);
    assertThat(driver.findElement(By.cssSelector(".card h3 code")).getText()).isEqualTo("public.\"<script>alert(1)</script>\"");
    assertThat(driver.findElement(By.cssSelector(".col.dropped .col-name")).getText()).isEqualTo("<img src=x onerror=alert(2)>");
    assertThat(driver.findElement(By.id("stmt-3")).getText()).contains("SELECT '</pre><svg onload=alert(4)>'");
  }

  /** The whole page, not just the window, as a PNG for a person to look at. */
  @Test
  void theWholePageIsSavedAsAScreenshot() throws Exception {
    @SuppressWarnings("unchecked")
    Map<String, Object> size = (Map<String, Object>) driver.executeCdpCommand("Page.getLayoutMetrics", Map.of()).get("cssContentSize");
    Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", size.get("width"), "height", size.get("height"), "scale", 1);
    Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
    byte[] png = Base64.getDecoder().decode((String) shot.get("data"));
    Files.createDirectories(SCREENSHOT.getParent());
    Files.write(SCREENSHOT, png);
    assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    // the PNG's height (bytes 20-23 of its IHDR chunk) is the page's, well beyond the 800 px window
    int pngHeight = ((png[20] & 0xff) << 24) | ((png[21] & 0xff) << 16) | ((png[22] & 0xff) << 8) | (png[23] & 0xff);
    assertThat(pngHeight).isGreaterThan(1500);
  }

  private static Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  private static boolean inView(WebElement e) {
    @SuppressWarnings("unchecked")
    Map<String, Object> r = (Map<String, Object>) js("const r = arguments[0].getBoundingClientRect(); return {top: r.top, bottom: r.bottom, h: innerHeight};", e);
    double top = ((Number) r.get("top")).doubleValue();
    double bottom = ((Number) r.get("bottom")).doubleValue();
    return top >= 0 && bottom <= ((Number) r.get("h")).doubleValue();
  }

  /** {@code rgba(192, 38, 45, 1)} → {192, 38, 45}. */
  private static int[] rgb(String css) {
    List<String> parts = List.of(css.replaceAll("[^0-9,.]", "").split(","));
    return new int[] {Integer.parseInt(parts.get(0)), Integer.parseInt(parts.get(1)), Integer.parseInt(parts.get(2))};
  }

  private static void isRed(int[] c) {
    assertThat(c[0]).as("red").isGreaterThan(150);
    assertThat(c[1]).as("green").isLessThan(90);
    assertThat(c[2]).as("blue").isLessThan(90);
  }
}
