package dev.airlock.db.verify;

import dev.airlock.core.sql.Dialect;
import dev.airlock.core.sql.SqlStatement;
import dev.airlock.core.sql.StatementSplitter;
import dev.airlock.core.sql.Token;
import dev.airlock.core.sql.TokenKind;
import dev.airlock.core.source.SourceText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A migration file cut into runnable statements with the core's splitter. */
final class Sql {
  private Sql() {}

  /** One statement: its text without the delimiter, its tokens, and where it starts. */
  record Piece(String file, int line, int column, String text, List<Token> code, boolean directive) {
    String head(int words) {
      StringBuilder sb = new StringBuilder();
      int n = 0;
      for (Token t : code) {
        if (n == words) {
          break;
        }
        if (t.kind() == TokenKind.WORD) {
          sb.append(n == 0 ? "" : " ").append(t.text().toUpperCase(Locale.ROOT));
          n++;
        } else {
          break;
        }
      }
      return sb.toString();
    }

    boolean has(String word) {
      return code.stream().anyMatch(t -> t.is(word));
    }
  }

  static List<Piece> split(SourceText src) {
    List<Piece> out = new ArrayList<>();
    for (SqlStatement st : StatementSplitter.split(src.text(), Dialect.POSTGRESQL)) {
      if (st.isEmpty()) {
        continue;
      }
      List<Token> code = new ArrayList<>(st.code());
      int end = st.end();
      Token last = code.get(code.size() - 1);
      if (last.kind() == TokenKind.SEMICOLON && code.size() > 1) {
        code.remove(code.size() - 1);
        end = code.get(code.size() - 1).end();
      }
      int start = st.start();
      out.add(
          new Piece(
              src.path(),
              src.lineOf(start),
              src.columnOf(start),
              src.text().substring(start, end),
              code,
              st.directive()));
    }
    return out;
  }

  /** The top-level (parenthesis depth 0) index of the first word among {@code words}, or -1. */
  static int topLevel(List<Token> code, int from, String... words) {
    int depth = 0;
    for (int i = from; i < code.size(); i++) {
      Token t = code.get(i);
      if (t.kind() == TokenKind.LEFT_PAREN) {
        depth++;
      } else if (t.kind() == TokenKind.RIGHT_PAREN) {
        depth--;
      } else if (depth == 0 && t.isAny(words)) {
        return i;
      }
    }
    return -1;
  }
}
