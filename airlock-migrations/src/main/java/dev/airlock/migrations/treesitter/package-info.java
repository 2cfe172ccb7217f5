/**
 * Helpers shared by the frontends that parse with tree-sitter (JavaScript/TypeScript, Ruby,
 * Python): {@link dev.airlock.migrations.treesitter.Utf8Offsets} turns tree-sitter's UTF-8 byte
 * offsets into Java char offsets.
 */
package dev.airlock.migrations.treesitter;
