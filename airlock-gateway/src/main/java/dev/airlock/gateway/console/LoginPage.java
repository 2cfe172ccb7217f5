package dev.airlock.gateway.console;

/** What someone without a session sees: how to sign in, never anything from the store. */
final class LoginPage {
  private LoginPage() {}

  static String render(boolean badToken) {
    Html h = new Html();
    h.raw("<div class=\"card login-card\" id=\"login\"><h1>Sign in to the approval console</h1>");
    if (badToken) {
      h.raw("<p class=\"notice bad\">That sign-in link is not valid for this console. Each start of <code>airlock console</code> ")
          .raw("prints a new one.</p>");
    }
    h.raw("<p>Open the link that <code>airlock console</code> printed in its terminal, for example</p>")
        .raw("<pre class=\"raw\">http://127.0.0.1:PORT/?token=…</pre>")
        .raw("<p class=\"fine\">The link signs this browser in for as long as that console runs. Nothing here is served to ")
        .raw("anyone without it.</p></div>");
    return Layout.bare(badToken ? "Invalid sign-in link" : "Sign in", h.toString());
  }

  static String problem(String title, String message) {
    return Layout.bare(title, new Html().raw("<div class=\"card login-card\"><h1>").text(title).raw("</h1><p>").text(message)
        .raw("</p><p><a href=\"/\">Back to the console</a></p></div>").toString());
  }
}
