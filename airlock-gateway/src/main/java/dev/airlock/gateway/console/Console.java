package dev.airlock.gateway.console;

import dev.airlock.gateway.store.ApprovalRequest;
import dev.airlock.gateway.store.AuditFilter;
import dev.airlock.gateway.store.Store;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The approval console: a small web server (Javalin) on 127.0.0.1 that lists pending requests
 * with their preview, takes approve / deny votes with a reason, and shows the audit log. It only
 * changes the store; the gateway executes approved requests. Sign-in is by the token in {@link
 * #loginUrl()}, which sets an HttpOnly, SameSite=Strict session cookie; every POST carries the
 * session's CSRF token; every response forbids framing, referrers and foreign content.
 */
public final class Console implements AutoCloseable {
  static final String COOKIE = "airlock_session";
  private static final String SESSION = "airlock.session";
  private static final String RENDERED = "airlock.rendered";
  private static final String CSP =
      "default-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
  private static final String CSS = readCss();

  private final Store store;
  private final ConsoleSettings settings;
  private final Sessions sessions = new Sessions();
  private final boolean loopback;
  private final Javalin app;
  private String origin = "";
  private Set<String> hosts = Set.of();

  private Console(Store store, ConsoleSettings settings, boolean loopback) {
    this.store = store;
    this.settings = settings;
    this.loopback = loopback;
    this.app =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.startup.showOldJavalinVersionWarning = false;
              config.routes.before(this::guard);
              config.routes.get("/", this::home);
              config.routes.get("/login", this::login);
              config.routes.post("/logout", this::logout);
              config.routes.get("/console.css", ctx -> ctx.contentType("text/css; charset=utf-8").result(CSS));
              config.routes.get("/requests/{id}", this::request);
              config.routes.post("/requests/{id}/approve", ctx -> vote(ctx, true));
              config.routes.post("/requests/{id}/deny", ctx -> vote(ctx, false));
              config.routes.get("/audit", this::audit);
              // a 404 page unless a route already rendered its own (an unknown request id)
              config.routes.error(
                  404,
                  ctx -> {
                    if (ctx.attribute(RENDERED) == null) {
                      ctx.html(LoginPage.problem("Not found", "There is no page at " + ctx.path() + "."));
                    }
                  });
              config.routes.exception(
                  Refusal.class,
                  (e, ctx) -> {
                    ctx.attribute(RENDERED, true);
                    ctx.status(e.status).html(e.html);
                  });
              config.routes.exception(
                  Exception.class,
                  (e, ctx) -> ctx.status(HttpStatus.INTERNAL_SERVER_ERROR).html(LoginPage.problem("Something went wrong", oneLine(e))));
            });
  }

  /**
   * Starts the console. A bind address that is not loopback is refused unless {@link
   * ConsoleSettings#allowRemote()}: the login token would otherwise cross the network unasked.
   */
  public static Console start(Store store, ConsoleSettings settings) {
    InetAddress address;
    try {
      address = InetAddress.getByName(settings.bind());
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("cannot serve the console on " + settings.bind() + ": unknown address");
    }
    boolean loopback = address.isLoopbackAddress();
    if (!loopback && !settings.allowRemote()) {
      throw new IllegalArgumentException(
          "refusing to serve the console on " + settings.bind() + ", which is reachable from other machines; "
              + "pass --allow-remote if that is really wanted (the sign-in link then travels unencrypted)");
    }
    Console c = new Console(store, settings, loopback);
    try {
      c.app.start(settings.bind(), settings.port());
    } catch (RuntimeException e) {
      c.app.stop();
      throw new IllegalStateException("cannot serve the console on " + settings.bind() + ":" + settings.port() + ": " + oneLine(e), e);
    }
    int port = c.app.port();
    String host = address.getHostAddress().contains(":") ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
    if (address.isAnyLocalAddress()) {
      host = hostName();
    }
    c.origin = "http://" + host + ":" + port;
    c.hosts = Set.copyOf(java.util.List.of(host + ":" + port, "localhost:" + port, "127.0.0.1:" + port, "[::1]:" + port));
    return c;
  }

  /** The sign-in link to print: opening it signs a browser in. */
  public String loginUrl() {
    return origin + "/?token=" + sessions.loginToken();
  }

  /** The console's address, without the token. */
  public String url() {
    return origin + "/";
  }

  public int port() {
    return app.port();
  }

  public String approver() {
    return settings.approver();
  }

  @Override
  public void close() {
    app.stop();
  }

  /** Runs before every route: headers, the Host check, the session, and CSRF for POSTs. */
  private void guard(Context ctx) {
    ctx.header("Content-Security-Policy", CSP);
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Cache-Control", "no-store");
    // a page on another site that resolves its own name to 127.0.0.1 (DNS rebinding) sends its Host
    if (loopback && !hosts.contains(String.valueOf(ctx.host()).toLowerCase(Locale.ROOT))) {
      throw new Refusal(HttpStatus.FORBIDDEN, LoginPage.problem("Wrong address", "This console answers only at " + url()));
    }
    String path = ctx.path();
    if (path.equals("/console.css") || path.equals("/login") || (path.equals("/") && ctx.queryParam("token") != null)) {
      return;
    }
    Optional<Sessions.Session> session = sessions.find(ctx.cookie(COOKIE));
    if (session.isEmpty()) {
      ctx.redirect("/login", ctx.method() == HandlerType.GET ? HttpStatus.FOUND : HttpStatus.SEE_OTHER);
      return;
    }
    ctx.attribute(SESSION, session.get());
    if (ctx.method() == HandlerType.POST) {
      // under Referrer-Policy no-referrer browsers send "Origin: null" even for our own forms
      String from = ctx.header("Origin");
      if (from != null && !from.equals("null") && !from.equals(origin) && !hosts.contains(from.replaceFirst("^https?://", ""))) {
        throw new Refusal(HttpStatus.FORBIDDEN, LoginPage.problem("Refused", "The form came from " + from + ", not from this console."));
      }
      String csrf = ctx.formParam("csrf");
      if (csrf == null || !Sessions.same(csrf, session.get().csrf())) {
        throw new Refusal(
            HttpStatus.FORBIDDEN,
            LoginPage.problem("Refused", "The form is missing its CSRF token or carries a stale one; reload the page and try again."));
      }
    }
  }

  private Sessions.Session session(Context ctx) {
    return ctx.attribute(SESSION);
  }

  private void home(Context ctx) {
    String token = ctx.queryParam("token");
    if (token != null) {
      Optional<Sessions.Session> s = sessions.login(token);
      if (s.isEmpty()) {
        ctx.status(HttpStatus.UNAUTHORIZED).html(LoginPage.render(true));
        return;
      }
      ctx.header("Set-Cookie", COOKIE + "=" + s.get().id() + "; Path=/; HttpOnly; SameSite=Strict");
      // drop the token from the address bar and the history
      ctx.redirect("/", HttpStatus.SEE_OTHER);
      return;
    }
    var all = store.list(Optional.empty());
    ctx.html(page("Pending approvals", Layout.Nav.PENDING, ctx, PendingPage.render(all, Instant.now())));
  }

  private void login(Context ctx) {
    if (sessions.find(ctx.cookie(COOKIE)).isPresent()) {
      ctx.redirect("/", HttpStatus.FOUND);
      return;
    }
    ctx.html(LoginPage.render(false));
  }

  private void logout(Context ctx) {
    sessions.logout(ctx.cookie(COOKIE));
    ctx.header("Set-Cookie", COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
    ctx.redirect("/login", HttpStatus.SEE_OTHER);
  }

  private void request(Context ctx) {
    ApprovalRequest r = found(ctx.pathParam("id"));
    Optional<RequestPage.Notice> notice = Optional.ofNullable(ctx.queryParam("done")).map(d -> done(d, r));
    ctx.html(page(r.id(), Layout.Nav.NONE, ctx, RequestPage.render(r, Instant.now(), settings.approver(), session(ctx).csrf(), notice, "")));
  }

  private void vote(Context ctx, boolean approve) {
    String id = ctx.pathParam("id");
    String reason = Optional.ofNullable(ctx.formParam("reason")).orElse("");
    try {
      ApprovalRequest r = store.vote(id, settings.approver(), approve, reason);
      ctx.redirect(
          "/requests/" + URLEncoder.encode(r.id(), StandardCharsets.UTF_8) + "?done=" + r.status().name().toLowerCase(Locale.ROOT),
          HttpStatus.SEE_OTHER);
    } catch (IllegalStateException e) {
      ApprovalRequest r = found(id);
      RequestPage.Notice refused = new RequestPage.Notice(true, e.getMessage());
      ctx.status(HttpStatus.CONFLICT)
          .html(page(r.id(), Layout.Nav.NONE, ctx, RequestPage.render(r, Instant.now(), settings.approver(), session(ctx).csrf(), Optional.of(refused), reason)));
    }
  }

  private static RequestPage.Notice done(String status, ApprovalRequest r) {
    return switch (status) {
      case "approved" -> new RequestPage.Notice(false, "Approved. " + r.identity() + "'s gateway runs this statement within a second (or at its next approval_status).");
      case "denied" -> new RequestPage.Notice(false, "Denied. The statement will not run; " + r.identity() + " sees your reason.");
      case "pending" -> new RequestPage.Notice(false, "Your approval is recorded; the request needs another approver before it runs.");
      default -> new RequestPage.Notice(false, "Recorded.");
    };
  }

  private void audit(Context ctx) {
    AuditFilter filter = new AuditFilter(param(ctx, "identity"), param(ctx, "tool"), param(ctx, "decision"), AuditPage.SHOWN);
    var chain = store.verifyAudit();
    var all = store.audit(new AuditFilter(Optional.empty(), Optional.empty(), Optional.empty(), 2000));
    var shown = store.audit(filter);
    ctx.html(page("Audit log", Layout.Nav.AUDIT, ctx, AuditPage.render(chain, filter, all, shown)));
  }

  private static Optional<String> param(Context ctx, String name) {
    return Optional.ofNullable(ctx.queryParam(name)).map(String::trim).filter(s -> !s.isEmpty());
  }

  private ApprovalRequest found(String id) {
    return store
        .find(id)
        .orElseThrow(() -> new Refusal(HttpStatus.NOT_FOUND, LoginPage.problem("No such request", "There is no approval request " + id + ".")));
  }

  private String page(String title, Layout.Nav nav, Context ctx, String body) {
    int pending = store.list(Optional.of(ApprovalRequest.Status.PENDING)).size();
    return Layout.page(title, nav, settings.approver(), session(ctx).csrf(), pending, body);
  }

  /** A response decided before the route runs (403, 404), as a page. */
  private static final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient HttpStatus status;
    private final String html;

    Refusal(HttpStatus status, String html) {
      super(status.toString(), null, false, false);
      this.status = status;
      this.html = html;
    }
  }

  private static String oneLine(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return m.lines().findFirst().orElse(m);
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }

  private static String readCss() {
    try (InputStream in = Console.class.getResourceAsStream("console.css")) {
      if (in == null) {
        throw new IllegalStateException("console.css is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
