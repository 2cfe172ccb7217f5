package dev.airlock.migrations;

import dev.airlock.core.frontend.Frontend;
import dev.airlock.core.sql.Dialect;
import java.nio.file.Path;

/**
 * One migration format (Django, Rails, Liquibase, ...): how to recognise its files and the
 * frontend that reads them. Registered in {@link Migrations}.
 */
public interface MigrationFormat {
  /** A short id for --format-hint and messages: "django", "rails", ... */
  String id();

  /** A cheap test on the path alone: could this file be one of ours? Used while walking. */
  boolean candidate(Path relative);

  /** The decision with the content at hand (e.g. a .py file that imports django.db). */
  boolean accepts(Path relative, String content);

  /** The frontend for one file; {@code dialect} is the target database's. */
  Frontend frontend(Path relative, Dialect dialect, Project project);
}
