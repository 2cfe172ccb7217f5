package dev.airlock.migrations.django;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What the app's migrations so far say about one model: its table, fields and constraints. */
final class ModelState {
  final String app;
  String name;
  Optional<String> dbTable = Optional.empty();
  boolean managed = true;
  boolean proxy;
  final Map<String, FieldDef> fields = new LinkedHashMap<>();

  /** constraint name -> "check", "unique", "exclusion" or "constraint" */
  final Map<String, String> constraints = new LinkedHashMap<>();

  final Set<String> uniqueTogether = new LinkedHashSet<>();
  final Set<String> indexTogether = new LinkedHashSet<>();

  /** false for a model this history never created (referenced only); its fields are unknown */
  final boolean created;

  ModelState(String app, String name, boolean created) {
    this.app = app;
    this.name = name;
    this.created = created;
  }

  /** The real table: db_table when set, else {@code <app_label>_<model name lower case>}. */
  String table() {
    return dbTable.orElse(defaultTable(app, name));
  }

  static String defaultTable(String app, String model) {
    return app + "_" + model.toLowerCase(java.util.Locale.ROOT);
  }

  /** Whether Django runs SQL for schema changes of this model at all. */
  boolean hasTable() {
    return managed && !proxy;
  }

  Optional<FieldDef> field(String fieldName) {
    return Optional.ofNullable(fields.get(fieldName));
  }
}
