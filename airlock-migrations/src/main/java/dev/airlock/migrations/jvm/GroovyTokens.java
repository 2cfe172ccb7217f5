package dev.airlock.migrations.jvm;

import java.util.ArrayList;
import java.util.List;

/**
 * A tokenizer for Groovy and Kotlin build scripts ({@code build.gradle}, {@code
 * build.gradle.kts}, {@code Jenkinsfile}): identifiers, numbers, punctuation and strings (single,
 * double, triple-quoted, with {@code ${...}} interpolation), with {@code //} and {@code /* *\/}
 * comments dropped. Enough to tell a task name in {@code dependsOn} from the same word in a
 * comment or a message.
 */
final class GroovyTokens {
  enum Kind {
    IDENT,
    STRING,
    NUMBER,
    PUNCT,
    NEWLINE
  }

  /**
   * One token. For strings, {@code value} is the content without quotes (escapes kept) and
   * {@code contentStart}/{@code contentEnd} locate it; {@code raw} tells whether the content maps
   * one to one onto the file (no escapes or interpolation).
   */
  record Token(Kind kind, String value, int start, int end, int contentStart, int contentEnd, boolean raw) {
    boolean is(String s) {
      return (kind == Kind.PUNCT || kind == Kind.IDENT) && value.equals(s);
    }
  }

  private GroovyTokens() {}

  static List<Token> tokenize(String s) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (c == '\n' || c == '\r') {
        out.add(new Token(Kind.NEWLINE, "\n", i, i + 1, i, i + 1, true));
        i++;
        continue;
      }
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
        while (i < n && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
          i++;
        }
        continue;
      }
      if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
        int e = s.indexOf("*/", i + 2);
        i = e < 0 ? n : e + 2;
        continue;
      }
      if (c == '"' || c == '\'') {
        boolean triple = i + 2 < n && s.charAt(i + 1) == c && s.charAt(i + 2) == c;
        int q = triple ? 3 : 1;
        int j = i + q;
        boolean raw = true;
        int braces = 0;
        while (j < n) {
          char d = s.charAt(j);
          if (d == '\\') {
            raw = false;
            j += 2;
            continue;
          }
          if (c == '"' && d == '$' && j + 1 < n && s.charAt(j + 1) == '{') {
            raw = false;
            braces++;
            j += 2;
            continue;
          }
          if (braces > 0) {
            if (d == '}') {
              braces--;
            } else if (d == '{') {
              braces++;
            }
            j++;
            continue;
          }
          if (c == '"' && d == '$') {
            raw = false;
          }
          if (d == c && (!triple || (j + 2 < n && s.charAt(j + 1) == c && s.charAt(j + 2) == c))) {
            break;
          }
          if (!triple && (d == '\n' || d == '\r')) {
            break;
          }
          j++;
        }
        int contentEnd = Math.min(j, n);
        int end = Math.min(n, j + q);
        out.add(new Token(Kind.STRING, s.substring(i + q, Math.max(i + q, contentEnd)), i, end, i + q, Math.max(i + q, contentEnd), raw));
        i = end;
        continue;
      }
      if (Character.isJavaIdentifierStart(c)) {
        int j = i + 1;
        while (j < n && Character.isJavaIdentifierPart(s.charAt(j))) {
          j++;
        }
        out.add(new Token(Kind.IDENT, s.substring(i, j), i, j, i, j, true));
        i = j;
        continue;
      }
      if (Character.isDigit(c)) {
        int j = i + 1;
        while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '.' || s.charAt(j) == '_')) {
          j++;
        }
        out.add(new Token(Kind.NUMBER, s.substring(i, j), i, j, i, j, true));
        i = j;
        continue;
      }
      out.add(new Token(Kind.PUNCT, String.valueOf(c), i, i + 1, i, i + 1, true));
      i++;
    }
    return out;
  }

  /** Unescapes a string token's value the way Groovy and Kotlin do for the common escapes. */
  static String unescape(String v) {
    StringBuilder b = new StringBuilder(v.length());
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == '\\' && i + 1 < v.length()) {
        char d = v.charAt(++i);
        b.append(
            switch (d) {
              case 'n' -> '\n';
              case 't' -> '\t';
              case 'r' -> '\r';
              default -> d;
            });
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
