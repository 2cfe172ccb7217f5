package dev.airlock.migrations.django;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The models of one app as its migrations have shaped them so far, keyed by lower-case name. */
final class AppState {
  final String app;
  private final Map<String, ModelState> models = new LinkedHashMap<>();

  AppState(String app) {
    this.app = app;
  }

  /** The model, or a stand-in with the default table when no earlier migration created it. */
  ModelState model(String name) {
    ModelState m = models.get(key(name));
    return m != null ? m : new ModelState(app, name, false);
  }

  boolean has(String name) {
    return models.containsKey(key(name));
  }

  ModelState create(String name) {
    ModelState m = new ModelState(app, name, true);
    models.put(key(name), m);
    return m;
  }

  void remove(String name) {
    models.remove(key(name));
  }

  void rename(String from, String to) {
    ModelState m = models.remove(key(from));
    if (m == null) {
      m = new ModelState(app, from, false);
    }
    m.name = to;
    models.put(key(to), m);
  }

  /** The model for writing: created on first mention so that later operations find it. */
  ModelState edit(String name) {
    return models.computeIfAbsent(key(name), k -> new ModelState(app, name, false));
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
