package dev.airlock.core.sql;

import java.util.List;

/**
 * One piece of a split SQL text. {@code chunkStart..chunkEnd} covers everything from the end of
 * the previous piece through this one's delimiter, so the pieces of a text concatenate back to
 * it exactly. {@code code} holds the tokens that are not comments; {@code comments} the
 * comments inside the piece, leading ones included, and a line comment on the same line after
 * the delimiter.
 *
 * @param directive a client command such as MySQL's {@code DELIMITER} or a psql meta-command
 */
public record SqlStatement(
    int chunkStart,
    int chunkEnd,
    List<Token> code,
    List<Token> comments,
    boolean terminated,
    boolean directive) {

  public boolean isEmpty() {
    return code.isEmpty();
  }

  /** Offset of the first real token: where a finding's span begins. */
  public int start() {
    return code.isEmpty() ? chunkStart : code.get(0).start();
  }

  /** Offset just after the last code token (the delimiter included). */
  public int end() {
    return code.isEmpty() ? chunkEnd : code.get(code.size() - 1).end();
  }

  /** Comments that stand before the first real token. */
  public List<Token> leadingComments() {
    int first = start();
    int i = 0;
    while (i < comments.size() && comments.get(i).start() < first) {
      i++;
    }
    return comments.subList(0, i);
  }
}
