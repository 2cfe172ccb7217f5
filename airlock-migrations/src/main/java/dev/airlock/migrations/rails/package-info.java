/**
 * Rails (ActiveRecord) migrations. Start at {@link dev.airlock.migrations.rails.RailsMigrations}
 * (the format) and {@code MigrationWalker} (what each call becomes). Files are parsed with
 * tree-sitter-ruby, a real Ruby grammar with error recovery: calls in comments, strings,
 * {@code =begin} blocks and after {@code __END__} do not count, a call split over lines does,
 * and heredoc SQL is paired with its call. A regex over the source could promise none of that;
 * a full Ruby interpreter (JRuby) would cost tens of megabytes and run migration code.
 */
package dev.airlock.migrations.rails;
