package dev.airlock.core.shell;

import java.util.regex.Pattern;

/** Shell glob patterns: {@code *}, {@code ?}, {@code [...]}, {@code [!...]}; backslash escapes. */
final class Glob {
  static boolean hasMagic(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '*' || c == '?' || c == '[') {
        return true;
      }
    }
    return false;
  }

  static String unescape(String s) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        c = s.charAt(++i);
      }
      b.append(c);
    }
    return b.toString();
  }

  static Pattern toRegex(String glob) {
    StringBuilder r = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      switch (c) {
        case '\\' -> {
          if (i + 1 < glob.length()) {
            r.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
          }
        }
        case '*' -> r.append(".*");
        case '?' -> r.append('.');
        case '[' -> {
          int end = glob.indexOf(']', i + 2);
          if (end < 0) {
            r.append("\\[");
          } else {
            String set = glob.substring(i + 1, end);
            if (set.startsWith("!") || set.startsWith("^")) {
              set = "^" + set.substring(1);
            }
            r.append('[').append(set.replace("\\", "\\\\").replace("[", "\\[")).append(']');
            i = end;
          }
        }
        default -> r.append(Pattern.quote(String.valueOf(c)));
      }
    }
    try {
      return Pattern.compile(r.toString(), Pattern.DOTALL);
    } catch (RuntimeException e) {
      return Pattern.compile(Pattern.quote(glob));
    }
  }

  private Glob() {}
}
