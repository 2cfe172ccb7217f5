package dev.airlock.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.airlock.gateway.store.ApprovalRequest;
import dev.airlock.gateway.store.ApprovalRequest.Status;
import dev.airlock.gateway.store.Store;
import dev.airlock.gateway.store.Stores;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;

/**
 * The console in a real headless Chromium: sign in through the printed link, see the pending
 * requests filed in a real store, deny one and approve another with reasons, and find both in
 * the audit log with the chain intact. Screenshots go to target/console-*.png. Skipped when
 * Chromium is not installed, unless AIRLOCK_BROWSER_TESTS=required.
 */
class ConsoleBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static ChromeDriver browser;

  @TempDir Path home;
  Store store;
  Console console;

  @BeforeAll
  static void startBrowser() {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!present && "required".equals(System.getenv("AIRLOCK_BROWSER_TESTS"))) {
      fail("AIRLOCK_BROWSER_TESTS=required but " + CHROMIUM + " or " + CHROMEDRIVER + " is missing: install Debian's chromium and chromium-driver");
    }
    assumeTrue(present, "no " + CHROMIUM + " and " + CHROMEDRIVER + ": browser test skipped (set AIRLOCK_BROWSER_TESTS=required to fail instead)");
    // the driver's path is given, so Selenium Manager never looks for (or downloads) one
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER.toString())).build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1440,1100", "--force-device-scale-factor=1");
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(3));
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @BeforeEach
  void start() {
    store = Stores.open(Optional.empty(), home);
    console = Console.start(store, ConsoleSettings.local("alice"));
    browser.manage().deleteAllCookies();
  }

  @AfterEach
  void stop() {
    console.close();
    store.close();
  }

  @Test
  void denyOneApproveAnotherAndFindBothInTheAuditLog() throws Exception {
    ApprovalRequest wipe = ConsoleFixture.sessionsWipe(store);
    ApprovalRequest delete = ConsoleFixture.customersDelete(store);
    ApprovalRequest update = ConsoleFixture.ordersUpdate(store);
    store.append(ConsoleFixture.read("claude-agent"));

    // without a session: the login page, and nothing from the store
    browser.get(console.url() + "audit");
    assertThat(browser.getCurrentUrl()).endsWith("/login");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Sign in to the approval console");
    screenshot("login");

    // the printed link signs in, and the token leaves the address bar
    browser.get(console.loginUrl());
    assertThat(browser.getCurrentUrl()).isEqualTo(console.url());
    Cookie session = browser.manage().getCookieNamed(Console.COOKIE);
    assertThat(session.isHttpOnly()).isTrue();
    assertThat(session.getSameSite()).isEqualTo("Strict");

    List<WebElement> pending = browser.findElements(By.cssSelector("#pending tbody tr"));
    assertThat(pending).extracting(r -> r.getAttribute("data-id")).containsExactly(update.id(), delete.id(), wipe.id());
    assertThat(browser.findElement(By.cssSelector("tr[data-id='" + wipe.id() + "']")).getAttribute("class")).isEqualTo("risk-critical");
    WebElement row = browser.findElement(By.cssSelector("tr[data-id='" + delete.id() + "']"));
    assertThat(row.getText()).contains("claude-agent").contains("DELETE FROM customers").contains("pattern-delete")
        .contains("clean up test data before the product demo").contains("just now");
    assertThat(row.getAttribute("class")).isEqualTo("risk-high");
    assertThat(browser.findElement(By.cssSelector(".bar .count")).getText()).isEqualTo("3");
    screenshot("pending");

    // the critical one: red throughout, two approvers named
    browser.findElement(By.cssSelector("tr[data-id='" + wipe.id() + "'] a.btn")).click();
    assertThat(browser.findElement(By.cssSelector(".req-head")).getAttribute("class")).isEqualTo("req-head risk-critical");
    assertThat(browser.findElement(By.id("approve")).getAttribute("class")).isEqualTo("btn approve risk-critical");
    assertThat(browser.findElement(By.id("who")).getText()).contains("alice, bob").contains("2 distinct approvals");
    screenshot("request-critical");
    browser.navigate().back();

    // the request page: the real customer is in the sample
    browser.findElement(By.cssSelector("tr[data-id='" + delete.id() + "'] a.btn")).click();
    assertThat(browser.findElement(By.id("statement")).getText()).isEqualTo("DELETE FROM customers\nWHERE email LIKE $1");
    assertThat(browser.findElement(By.cssSelector("#preview table.rows")).getText()).contains("dana.testa@example.com").contains("Dana Testa");
    assertThat(browser.findElement(By.id("preview")).getText()).contains("RowExclusiveLock on public.customers").contains("pattern-delete");
    assertThat(browser.findElement(By.id("who")).getText()).contains("clean up test data before the product demo");
    screenshot("request");

    browser.findElement(By.id("reason")).sendKeys("Dana Testa (id 17) is a real customer with 14 months of orders");
    browser.findElement(By.id("deny")).click();
    assertThat(browser.findElement(By.cssSelector(".notice.good")).getText())
        .isEqualTo("Denied. The statement will not run; claude-agent sees your reason.");
    assertThat(browser.findElement(By.cssSelector(".req-head .status")).getText()).isEqualToIgnoringCase("denied");
    screenshot("denied");

    // approve the other from the list
    browser.findElement(By.linkText("← Pending approvals")).click();
    browser.findElement(By.cssSelector("tr[data-id='" + update.id() + "'] a.btn")).click();
    assertThat(browser.findElement(By.id("who")).getText()).contains("<img src=x onerror=alert(1)>");
    browser.findElement(By.id("reason")).sendKeys("order 5001 is open and the customer asked by mail");
    browser.findElement(By.id("approve")).click();
    assertThat(browser.findElement(By.cssSelector(".notice.good")).getText()).startsWith("Approved.");

    assertThat(store.find(delete.id()).orElseThrow().status()).isEqualTo(Status.DENIED);
    assertThat(store.find(update.id()).orElseThrow().status()).isEqualTo(Status.APPROVED);
    assertThat(store.find(update.id()).orElseThrow().votes()).singleElement().satisfies(v -> assertThat(v.approver()).isEqualTo("alice"));

    browser.findElement(By.partialLinkText("Pending")).click();
    assertThat(browser.findElements(By.cssSelector("#pending tbody tr"))).extracting(r -> r.getAttribute("data-id")).containsExactly(wipe.id());
    assertThat(browser.findElements(By.cssSelector("#decided tbody tr"))).hasSize(2);
    screenshot("decided");

    // the audit log: both votes, the chain intact, filters work
    browser.findElement(By.linkText("Audit log")).click();
    assertThat(browser.findElement(By.id("chain")).getText()).contains("Chain intact").contains("6 entries verified");
    String log = browser.findElement(By.id("audit")).getText();
    assertThat(log).contains("denied").contains("Dana Testa (id 17) is a real customer").contains("approved").contains("alice");
    screenshot("audit");
    new Select(browser.findElement(By.name("decision"))).selectByVisibleText("denied");
    browser.findElement(By.cssSelector(".filters button")).click();
    assertThat(browser.findElements(By.cssSelector("#audit tbody tr"))).hasSize(1);
    assertThat(browser.getCurrentUrl()).contains("decision=denied");
  }

  @Test
  void aPostWithoutTheCsrfTokenIsRejected() throws Exception {
    ApprovalRequest delete = ConsoleFixture.customersDelete(store);
    browser.get(console.loginUrl());
    String cookie = Console.COOKIE + "=" + browser.manage().getCookieNamed(Console.COOKIE).getValue();
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(console.url() + "requests/" + delete.id() + "/approve"))
                    .header("Cookie", cookie)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("reason=no+token"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(store.find(delete.id()).orElseThrow().status()).isEqualTo(Status.PENDING);
    // the browser's own form carries it, so the same session can still decide
    browser.get(console.url() + "requests/" + delete.id());
    browser.findElement(By.id("reason")).sendKeys("checked");
    browser.findElement(By.id("approve")).click();
    assertThat(browser.findElement(By.cssSelector(".notice.good")).getText()).startsWith("Approved.");
    assertThat(store.find(delete.id()).orElseThrow().status()).isEqualTo(Status.APPROVED);
  }

  @Test
  void aBrokenChainIsShownInRed() throws Exception {
    ConsoleFixture.customersDelete(store);
    store.append(ConsoleFixture.read("claude-agent"));
    store.append(ConsoleFixture.read("claude-agent"));
    try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + home.resolve("airlock.db"))) {
      c.createStatement().execute("UPDATE audit SET detail = 'nothing to see' WHERE sequence = 2");
    }
    browser.get(console.loginUrl());
    browser.get(console.url() + "audit");
    assertThat(browser.findElement(By.id("chain")).getText())
        .contains("Chain broken at entry 2")
        .contains("entry 2 was changed after it was written");
    assertThat(browser.findElements(By.cssSelector("#audit tr.broken"))).hasSize(1);
    screenshot("audit-broken");
  }

  private static void screenshot(String name) throws Exception {
    Path out = Path.of("target", "console-" + name + ".png");
    Files.createDirectories(out.getParent());
    Files.move(browser.getScreenshotAs(OutputType.FILE).toPath(), out, StandardCopyOption.REPLACE_EXISTING);
  }
}
