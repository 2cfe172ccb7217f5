package dev.airlock.core.frontend;

import dev.airlock.core.source.SourceText;

/** Turns the text of one file into operations. Total: bad input becomes operations too. */
public interface Frontend {
  Parsed parse(SourceText source);
}
