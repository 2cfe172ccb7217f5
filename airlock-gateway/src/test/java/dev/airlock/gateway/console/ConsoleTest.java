package dev.airlock.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.airlock.gateway.store.ApprovalRequest;
import dev.airlock.gateway.store.ApprovalRequest.Status;
import dev.airlock.gateway.store.Store;
import dev.airlock.gateway.store.Stores;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's protections over plain HTTP: sign-in by token only, the session cookie's flags,
 * CSRF on every POST, the Host check, security headers, escaping, and the loopback-only bind.
 */
class ConsoleTest {
  @TempDir Path home;
  Store store;
  Console console;
  final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @BeforeEach
  void start() {
    store = Stores.open(Optional.empty(), home);
    console = Console.start(store, ConsoleSettings.local("alice"));
  }

  @AfterEach
  void stop() {
    console.close();
    store.close();
  }

  HttpResponse<String> get(String path, String cookie) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(console.url() + path.substring(1)));
    if (cookie != null) {
      b.header("Cookie", cookie);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String cookie, String form) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(console.url() + path.substring(1)))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form));
    if (cookie != null) {
      b.header("Cookie", cookie);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Signs in with the token link; returns the cookie header value. */
  String signIn() throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(console.loginUrl())).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(r.headers().firstValue("Location")).contains("/");
    String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(setCookie).matches("airlock_session=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Strict");
    return setCookie.substring(0, setCookie.indexOf(';'));
  }

  static String csrf(String html) {
    Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(html);
    assertThat(m.find()).as("a CSRF field in the page").isTrue();
    return m.group(1);
  }

  @Test
  void theLoginUrlIsLoopbackWithALongToken() {
    assertThat(console.loginUrl()).matches("http://127\\.0\\.0\\.1:\\d+/\\?token=[A-Za-z0-9_-]{43}");
  }

  @Test
  void withoutASessionEveryPageRedirectsToLogin() throws Exception {
    for (String path : new String[] {"/", "/audit", "/requests/req-aaaaaaaaaa"}) {
      HttpResponse<String> r = get(path, null);
      assertThat(r.statusCode()).as(path).isEqualTo(302);
      assertThat(r.headers().firstValue("Location")).as(path).contains("/login");
    }
    HttpResponse<String> forged = get("/", "airlock_session=guessed");
    assertThat(forged.statusCode()).isEqualTo(302);
    HttpResponse<String> login = get("/login", null);
    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(login.body()).contains("Sign in to the approval console").doesNotContain("req-");
  }

  @Test
  void aWrongTokenIsRefused() throws Exception {
    HttpResponse<String> r = get("/?token=nottheone", null);
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.headers().firstValue("Set-Cookie")).isEmpty();
    assertThat(r.body()).contains("That sign-in link is not valid");
  }

  @Test
  void everyResponseCarriesTheSecurityHeaders() throws Exception {
    String cookie = signIn();
    for (HttpResponse<String> r : java.util.List.of(get("/", cookie), get("/login", null), get("/nope", cookie), get("/console.css", null))) {
      assertThat(r.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v).startsWith("default-src 'self'"));
      assertThat(r.headers().firstValue("X-Frame-Options")).contains("DENY");
      assertThat(r.headers().firstValue("Referrer-Policy")).contains("no-referrer");
      assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }
  }

  @Test
  void aPostWithoutTheCsrfTokenChangesNothing() throws Exception {
    ApprovalRequest r = ConsoleFixture.customersDelete(store);
    String cookie = signIn();
    HttpResponse<String> none = post("/requests/" + r.id() + "/approve", cookie, "reason=" + enc("looks fine"));
    assertThat(none.statusCode()).isEqualTo(403);
    assertThat(none.body()).contains("missing its CSRF token");
    HttpResponse<String> wrong = post("/requests/" + r.id() + "/approve", cookie, "csrf=abc&reason=" + enc("looks fine"));
    assertThat(wrong.statusCode()).isEqualTo(403);
    HttpResponse<String> noSession = post("/requests/" + r.id() + "/approve", null, "csrf=abc&reason=x");
    assertThat(noSession.statusCode()).isEqualTo(303);
    assertThat(noSession.headers().firstValue("Location")).contains("/login");
    assertThat(store.find(r.id()).orElseThrow().status()).isEqualTo(Status.PENDING);

    String token = csrf(get("/requests/" + r.id(), cookie).body());
    HttpResponse<String> ok = post("/requests/" + r.id() + "/approve", cookie, "csrf=" + enc(token) + "&reason=" + enc("one real row, checked"));
    assertThat(ok.statusCode()).isEqualTo(303);
    assertThat(ok.headers().firstValue("Location")).contains("/requests/" + r.id() + "?done=approved");
    assertThat(store.find(r.id()).orElseThrow().status()).isEqualTo(Status.APPROVED);
  }

  @Test
  void aFormFromAnotherOriginIsRefusedEvenWithTheToken() throws Exception {
    ApprovalRequest r = ConsoleFixture.customersDelete(store);
    String cookie = signIn();
    String token = csrf(get("/requests/" + r.id(), cookie).body());
    HttpRequest forged =
        HttpRequest.newBuilder(URI.create(console.url() + "requests/" + r.id() + "/approve"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Cookie", cookie)
            .header("Origin", "http://evil.example")
            .POST(HttpRequest.BodyPublishers.ofString("csrf=" + enc(token) + "&reason=x"))
            .build();
    assertThat(http.send(forged, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
    assertThat(store.find(r.id()).orElseThrow().status()).isEqualTo(Status.PENDING);
  }

  @Test
  void aRefusedVoteSaysWhyAndKeepsTheReason() throws Exception {
    ApprovalRequest r = ConsoleFixture.customersDelete(store);
    String cookie = signIn();
    String token = csrf(get("/requests/" + r.id(), cookie).body());
    HttpResponse<String> blank = post("/requests/" + r.id() + "/deny", cookie, "csrf=" + enc(token) + "&reason=");
    assertThat(blank.statusCode()).isEqualTo(409);
    assertThat(blank.body()).contains("a reason is required to approve or deny " + r.id());
    post("/requests/" + r.id() + "/deny", cookie, "csrf=" + enc(token) + "&reason=" + enc("a real customer"));
    HttpResponse<String> again = post("/requests/" + r.id() + "/approve", cookie, "csrf=" + enc(token) + "&reason=" + enc("changed my mind"));
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.body()).contains(r.id() + " is denied: only a pending request takes votes").contains("changed my mind");
  }

  @Test
  void theRequesterSeesNoButtons() throws Exception {
    console.close();
    console = Console.start(store, ConsoleSettings.local("claude-agent"));
    ApprovalRequest r = ConsoleFixture.customersDelete(store);
    String cookie = signIn();
    String page = get("/requests/" + r.id(), cookie).body();
    assertThat(page).contains("You asked for this request (as claude-agent), so someone else must decide.").doesNotContain("id=\"approve\"");
    String token = csrf(page);
    assertThat(post("/requests/" + r.id() + "/approve", cookie, "csrf=" + enc(token) + "&reason=mine").statusCode()).isEqualTo(409);
    assertThat(store.find(r.id()).orElseThrow().status()).isEqualTo(Status.PENDING);
  }

  @Test
  void whatAnAgentWritesIsEscaped() throws Exception {
    ApprovalRequest r = ConsoleFixture.ordersUpdate(store);
    String cookie = signIn();
    for (String page : new String[] {get("/", cookie).body(), get("/requests/" + r.id(), cookie).body()}) {
      assertThat(page).contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain("<img");
    }
  }

  @Test
  void aForeignHostHeaderIsRefused() throws Exception {
    // what a DNS-rebinding page would send: the right port, its own name
    try (Socket s = new Socket("127.0.0.1", console.port())) {
      OutputStream out = s.getOutputStream();
      out.write(("GET /login HTTP/1.1\r\nHost: evil.example:" + console.port() + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(response).startsWith("HTTP/1.1 403");
    }
  }

  @Test
  void unknownRequestsAndPagesAreNotFound() throws Exception {
    String cookie = signIn();
    HttpResponse<String> request = get("/requests/req-aaaaaaaaaa", cookie);
    assertThat(request.statusCode()).isEqualTo(404);
    assertThat(request.body()).contains("There is no approval request req-aaaaaaaaaa.");
    HttpResponse<String> page = get("/nothing/here", cookie);
    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(page.body()).contains("There is no page at /nothing/here.");
  }

  @Test
  void signingOutEndsTheSession() throws Exception {
    String cookie = signIn();
    String token = csrf(get("/", cookie).body());
    assertThat(post("/logout", cookie, "csrf=" + enc(token)).statusCode()).isEqualTo(303);
    assertThat(get("/", cookie).statusCode()).isEqualTo(302);
  }

  @Test
  void aNonLoopbackBindIsRefusedUnlessAllowed() {
    assertThatThrownBy(() -> Console.start(store, new ConsoleSettings("alice", "0.0.0.0", 0, false)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("refusing to serve the console on 0.0.0.0, which is reachable from other machines; "
            + "pass --allow-remote if that is really wanted (the sign-in link then travels unencrypted)");
  }

  @Test
  void theAuditPageFiltersAndShowsTheChain() throws Exception {
    ConsoleFixture.customersDelete(store);
    store.append(ConsoleFixture.read("cursor-agent"));
    String cookie = signIn();
    String all = get("/audit", cookie).body();
    assertThat(all).contains("Chain intact").contains("2 entries verified").contains("cursor-agent").contains("claude-agent");
    String filtered = get("/audit?identity=cursor-agent", cookie).body();
    assertThat(filtered).contains("read-only, 3 rows").doesNotContain("policy asks a human");
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
