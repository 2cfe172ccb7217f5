package dev.airlock.gateway.console;

/** The frame around every page: header with navigation and the reviewer's name, then the page. */
final class Layout {
  private Layout() {}

  enum Nav {
    PENDING,
    AUDIT,
    NONE
  }

  static String page(String title, Nav nav, String approver, String csrf, int pending, String body) {
    Html h = new Html();
    h.raw("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .raw("<title>").text(title).raw(" · Airlock</title>")
        .raw("<link rel=\"stylesheet\" href=\"/console.css\"></head>\n<body>\n")
        .raw("<header class=\"bar\"><a class=\"brand\" href=\"/\"><span class=\"mark\" aria-hidden=\"true\"></span>Airlock")
        .raw("<span class=\"sub\">approvals</span></a><nav>")
        .raw("<a href=\"/\"").raw(nav == Nav.PENDING ? " class=\"on\"" : "").raw(">Pending")
        .raw(pending > 0 ? "<span class=\"count\">" + pending + "</span>" : "")
        .raw("</a><a href=\"/audit\"").raw(nav == Nav.AUDIT ? " class=\"on\"" : "").raw(">Audit log</a></nav>")
        .raw("<div class=\"me\">Reviewing as <b>").text(approver).raw("</b>")
        .raw("<form method=\"post\" action=\"/logout\"><input type=\"hidden\" name=\"csrf\" value=\"").text(csrf)
        .raw("\"><button class=\"link\">Sign out</button></form></div></header>\n")
        .raw("<main class=\"wrap\">\n")
        .raw(body)
        .raw("</main>\n<footer class=\"foot wrap\">An approval changes only the queue: the gateway runs the statement, exactly as ")
        .raw("shown, when the agent next asks for it, and rolls it back if it touches more rows than approved.</footer>\n")
        .raw("</body></html>\n");
    return h.toString();
  }

  /** A page for someone not signed in (login, expired link): no navigation, no names. */
  static String bare(String title, String body) {
    return new Html()
        .raw("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .raw("<title>").text(title).raw(" · Airlock</title>")
        .raw("<link rel=\"stylesheet\" href=\"/console.css\"></head>\n<body class=\"bare\">\n<main class=\"login\">")
        .raw("<div class=\"brand big\"><span class=\"mark\" aria-hidden=\"true\"></span>Airlock<span class=\"sub\">approvals</span></div>")
        .raw(body)
        .raw("</main>\n</body></html>\n")
        .toString();
  }
}
