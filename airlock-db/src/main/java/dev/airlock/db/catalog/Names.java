package dev.airlock.db.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Qualified names as PostgreSQL's quote_ident writes them, split and joined. */
public final class Names {
  private Names() {}

  /** Splits {@code public."Odd.Name".col} into its parts, unquoted. */
  public static List<String> parts(String qualified) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < qualified.length(); i++) {
      char c = qualified.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < qualified.length() && qualified.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cur.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == '.') {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out;
  }

  public static String lastPart(String qualified) {
    List<String> p = parts(qualified);
    return p.get(p.size() - 1);
  }

  /** Quotes an identifier when PostgreSQL would: anything but lower-case letters, digits, _. */
  public static String quote(String ident) {
    boolean plain = !ident.isEmpty() && (Character.isLowerCase(ident.charAt(0)) || ident.charAt(0) == '_');
    for (int i = 0; plain && i < ident.length(); i++) {
      char c = ident.charAt(i);
      plain = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    }
    return plain && !RESERVED.contains(ident) ? ident : '"' + ident.replace("\"", "\"\"") + '"';
  }

  public static String join(String... parts) {
    StringBuilder sb = new StringBuilder();
    for (String p : parts) {
      if (sb.length() > 0) {
        sb.append('.');
      }
      sb.append(quote(p));
    }
    return sb.toString();
  }

  /** A name as written in SQL, folded the way PostgreSQL folds an unquoted identifier. */
  public static String fold(String written) {
    return written.toLowerCase(Locale.ROOT);
  }

  private static final java.util.Set<String> RESERVED =
      java.util.Set.of(
          "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "both",
          "case", "cast", "check", "collate", "column", "constraint", "create", "current_catalog",
          "current_date", "current_role", "current_time", "current_timestamp", "current_user",
          "default", "deferrable", "desc", "distinct", "do", "else", "end", "except", "false",
          "fetch", "for", "foreign", "from", "grant", "group", "having", "in", "initially",
          "intersect", "into", "lateral", "leading", "limit", "localtime", "localtimestamp", "not",
          "null", "offset", "on", "only", "or", "order", "placing", "primary", "references",
          "returning", "select", "session_user", "some", "symmetric", "system_user", "table",
          "then", "to", "trailing", "true", "union", "unique", "user", "using", "variadic", "when",
          "where", "window", "with");
}
