package dev.airlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@code airlock console}: prints a sign-in link that works, stops cleanly, refuses a public bind. */
class ConsoleCommandTest extends AirlockHomeFixture {
  @Test
  void printsASignInLinkThatWorks() throws Exception {
    PipedWriter pipe = new PipedWriter();
    BufferedReader printed = new BufferedReader(new PipedReader(pipe, 1 << 16));
    StringWriter err = new StringWriter();
    AtomicInteger exit = new AtomicInteger(-1);
    Thread console = new Thread(() -> exit.set(Main.run(new String[] {"console", "--as", "bob"}, new PrintWriter(pipe), new PrintWriter(err))));
    console.start();
    try {
      assertThat(printed.readLine()).isEqualTo("airlock console: reviewing as bob, store " + home.resolve("airlock.db"));
      String open = printed.readLine();
      assertThat(open).matches("open http://127\\.0\\.0\\.1:\\d+/\\?token=[A-Za-z0-9_-]{43}");
      HttpResponse<String> signIn =
          HttpClient.newBuilder()
              .cookieHandler(new java.net.CookieManager())
              .followRedirects(HttpClient.Redirect.NORMAL)
              .build()
              .send(HttpRequest.newBuilder(URI.create(open.substring("open ".length()))).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(signIn.statusCode()).isEqualTo(200);
      assertThat(signIn.body()).contains("Reviewing as <b>bob</b>").contains("Pending approvals");
    } finally {
      console.interrupt();
      console.join(10_000);
    }
    assertThat(exit.get()).as(err.toString()).isEqualTo(Main.OK);
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void aPublicBindNeedsAllowRemote() {
    Cli cli = Cli.run("console", "--bind", "0.0.0.0");
    assertThat(cli.exitCode()).isEqualTo(Main.ERROR);
    assertThat(cli.err())
        .isEqualTo("airlock: refusing to serve the console on 0.0.0.0, which is reachable from other machines; "
            + "pass --allow-remote if that is really wanted (the sign-in link then travels unencrypted)\n");
  }

  @Test
  void aBusyPortIsOneLine() throws Exception {
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      Cli cli = Cli.run("console", "--port", String.valueOf(taken.getLocalPort()));
      assertThat(cli.exitCode()).isEqualTo(Main.ERROR);
      assertThat(cli.err()).startsWith("airlock: cannot serve the console on 127.0.0.1:" + taken.getLocalPort() + ": ");
      assertThat(cli.err().lines().count()).isEqualTo(1);
    }
  }
}
