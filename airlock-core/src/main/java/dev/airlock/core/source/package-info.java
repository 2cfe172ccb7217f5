/**
 * Source texts and exact positions. {@link dev.airlock.core.source.SourceText} turns offsets
 * into 1-based lines and columns for every line-ending style; {@link
 * dev.airlock.core.source.Span} is what every finding points at.
 */
package dev.airlock.core.source;
