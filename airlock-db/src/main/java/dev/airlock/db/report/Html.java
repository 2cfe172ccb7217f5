package dev.airlock.db.report;

import dev.airlock.core.report.HtmlText;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Fragment ids for the HTML report. Every text that reaches the page (identifiers, SQL, error
 * messages, file names) goes through {@link HtmlText#esc}: a table named {@code <script>} is
 * shown, never run.
 */
final class Html {
  private Html() {}

  /**
   * Fragment ids, one per qualified name: readable ({@code col-public.orders.legacy_order_id}),
   * made of URL-safe characters only, and unique even when two names slug alike.
   */
  static final class Anchors {
    private final Map<String, String> ids = new HashMap<>();
    private final Set<String> used = new HashSet<>();

    /** The id of {@code name} under {@code prefix}, made on first use. */
    String id(String prefix, String name) {
      return ids.computeIfAbsent(
          prefix + " " + name,
          k -> {
            String base = prefix + "-" + slug(name);
            String id = base;
            for (int n = 2; !used.add(id); n++) {
              id = base + "-" + n;
            }
            return id;
          });
    }

    /** The id already given to {@code name} under {@code prefix}, if any. */
    Optional<String> find(String prefix, String name) {
      return Optional.ofNullable(ids.get(prefix + " " + name));
    }

    /** Makes {@code alias} find the same id as {@code name}. */
    void alias(String prefix, String alias, String name) {
      ids.putIfAbsent(prefix + " " + alias, id(prefix, name));
    }

    private static String slug(String name) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < name.length(); i++) {
        char c = name.charAt(i);
        boolean safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
        sb.append(safe ? c : '_');
      }
      return sb.toString();
    }
  }
}
