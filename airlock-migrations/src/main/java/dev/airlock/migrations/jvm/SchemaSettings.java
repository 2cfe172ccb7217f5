package dev.airlock.migrations.jvm;

import dev.airlock.core.operation.AutoDdl;
import dev.airlock.core.operation.Benign;
import dev.airlock.core.operation.Operation;
import dev.airlock.core.operation.SchemaWipe;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The settings that let Hibernate, Flyway or Liquibase destroy a schema, under Spring Boot's
 * relaxed binding: a key matches whatever its case and separators ({@code ddl-auto}, {@code
 * ddl_auto}, {@code ddlAuto}, {@code SPRING_JPA_HIBERNATE_DDL_AUTO}), and Hibernate's own keys
 * match bare, with a {@code hibernate.} prefix or under {@code spring.jpa.properties}.
 */
final class SchemaSettings {
  /** One classified setting: the operation and the effect to show as generated SQL. */
  record Classified(Operation operation, String effect) {}

  /** Profile names (and parts of them) that mean a test run against a throw-away database. */
  private static final Set<String> TEST_WORDS =
      Set.of("test", "tests", "testing", "it", "its", "e2e", "junit", "unittest", "integrationtest", "testcontainers");

  private SchemaSettings() {}

  /** Lower case with every separator removed: Spring's canonical form of a property name. */
  static String canonical(String key) {
    StringBuilder b = new StringBuilder(key.length());
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        b.append(Character.toLowerCase(c));
      }
    }
    return b.toString();
  }

  /** Whether a key is one this class knows, whatever its value. */
  static boolean known(String key) {
    return kind(canonical(key)) != null;
  }

  private enum Kind {
    HIBERNATE_DDL,
    JPA_ACTION,
    GENERATE_DDL,
    CLEAN_DISABLED,
    CLEAN_ON_VALIDATION_ERROR,
    DROP_FIRST
  }

  private static Kind kind(String c) {
    if (c.equals("springjpahibernateddlauto") || c.endsWith("hbm2ddlauto")) {
      return Kind.HIBERNATE_DDL;
    }
    if (c.endsWith("persistenceschemagenerationdatabaseaction")) {
      return Kind.JPA_ACTION;
    }
    if (c.equals("springjpagenerateddl")) {
      return Kind.GENERATE_DDL;
    }
    if (c.equals("springflywaycleandisabled") || c.equals("flywaycleandisabled")) {
      return Kind.CLEAN_DISABLED;
    }
    if (c.equals("springflywaycleanonvalidationerror") || c.equals("flywaycleanonvalidationerror")) {
      return Kind.CLEAN_ON_VALIDATION_ERROR;
    }
    if (c.equals("springliquibasedropfirst") || c.equals("liquibasedropfirst")) {
      return Kind.DROP_FIRST;
    }
    return null;
  }

  /**
   * Classifies {@code key = value}; empty when the key is not one of ours. A value that is a
   * placeholder with a default ({@code ${DDL_AUTO:update}}) is judged by its default; one without
   * (set only by the environment) is benign here.
   *
   * @param how the setting as the reviewer should read it, e.g. "spring.jpa.hibernate.ddl-auto=update"
   */
  static Optional<Classified> classify(String key, String value, String how) {
    Kind kind = kind(canonical(key));
    if (kind == null) {
      return Optional.empty();
    }
    String v = placeholderDefault(value.strip()).toLowerCase(Locale.ROOT).replace('_', '-');
    if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'') && v.charAt(v.length() - 1) == v.charAt(0)) {
      v = v.substring(1, v.length() - 1).strip();
    }
    return Optional.of(
        switch (kind) {
          case HIBERNATE_DDL ->
              switch (v) {
                case "create" -> wipe(how, Effects.HIBERNATE_CREATE);
                case "create-drop" -> wipe(how, Effects.HIBERNATE_CREATE_DROP);
                case "drop" -> wipe(how, Effects.HIBERNATE_DROP);
                case "drop-and-create" -> wipe(how, Effects.HIBERNATE_CREATE);
                case "truncate" -> wipe(how, Effects.HIBERNATE_TRUNCATE);
                case "update" -> auto(how, Effects.HIBERNATE_UPDATE);
                case "create-only" -> auto(how, Effects.HIBERNATE_CREATE_ONLY);
                default -> benign(how);
              };
            // JPA's "create" only creates (Hibernate runs it as create-only); drop-and-create is
            // the one that wipes.
          case JPA_ACTION ->
              switch (v) {
                case "drop-and-create" -> wipe(how, Effects.HIBERNATE_CREATE);
                case "drop" -> wipe(how, Effects.HIBERNATE_DROP);
                case "create-drop" -> wipe(how, Effects.HIBERNATE_CREATE_DROP);
                case "create" -> auto(how, Effects.HIBERNATE_CREATE_ONLY);
                case "update" -> auto(how, Effects.HIBERNATE_UPDATE);
                default -> benign(how);
              };
          case GENERATE_DDL -> v.equals("true") ? auto(how, Effects.GENERATE_DDL) : benign(how);
          case CLEAN_DISABLED ->
              v.equals("false") ? wipe("flyway clean enabled: " + how, Effects.FLYWAY_CLEAN_ENABLED) : benign(how);
          case CLEAN_ON_VALIDATION_ERROR ->
              v.equals("true")
                  ? wipe("flyway clean on validation error: " + how, Effects.FLYWAY_CLEAN_ON_VALIDATION_ERROR)
                  : benign(how);
          case DROP_FIRST -> v.equals("true") ? wipe(how, Effects.LIQUIBASE_DROP_FIRST) : benign(how);
        });
  }

  private static Classified wipe(String how, String effect) {
    return new Classified(new SchemaWipe(how), effect);
  }

  private static Classified auto(String how, String effect) {
    return new Classified(new AutoDdl(how), effect);
  }

  private static Classified benign(String how) {
    return new Classified(new Benign(how), "");
  }

  /** {@code ${NAME:default}} is judged by its default; {@code ${NAME}} by nothing. */
  static String placeholderDefault(String value) {
    if (value.startsWith("${") && value.endsWith("}")) {
      int colon = value.indexOf(':');
      return colon < 0 ? "" : placeholderDefault(value.substring(colon + 1, value.length() - 1).strip());
    }
    return value;
  }

  /**
   * Whether a Spring profile expression names only test profiles ({@code test}, {@code it},
   * {@code integration-test}, {@code test | e2e}). A negation ({@code !prod}) is never a test.
   */
  static boolean testProfile(String expression) {
    String e = expression.strip();
    if (e.isEmpty() || e.contains("!")) {
      return false;
    }
    boolean any = false;
    for (String name : e.split("[\\s,|&()]+")) {
      if (name.isEmpty()) {
        continue;
      }
      any = true;
      if (!testName(name)) {
        return false;
      }
    }
    return any;
  }

  /** A profile name such as test, it, integration-test, test-containers, e2e. */
  static boolean testName(String name) {
    String n = name.toLowerCase(Locale.ROOT).strip();
    if (TEST_WORDS.contains(n.replaceAll("[-_.]", ""))) {
      return true;
    }
    for (String part : n.split("[-_.]+")) {
      if (TEST_WORDS.contains(part)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a file belongs to tests: under {@code src/test/} or another test source set
   * ({@code src/integrationTest/}, {@code src/it/}, {@code src/testFixtures/}), or named for a
   * test profile ({@code application-test.yml}, {@code application-it.properties}).
   */
  static boolean testFile(Path relative) {
    String p = relative.toString().replace('\\', '/');
    String[] parts = p.split("/");
    for (int i = 0; i + 1 < parts.length; i++) {
      if (parts[i].equals("src") && i + 2 < parts.length && testName(splitCamel(parts[i + 1]))) {
        return true;
      }
    }
    return profileOf(relative).map(SchemaSettings::testProfile).orElse(false);
  }

  /** integrationTest -> integration-test, so the test words match inside camel case. */
  private static String splitCamel(String s) {
    return s.replaceAll("([a-z0-9])([A-Z])", "$1-$2");
  }

  /** The profile of application-{profile}.yml / bootstrap-{profile}.properties. */
  static Optional<String> profileOf(Path relative) {
    String name = relative.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String base = dot < 0 ? name : name.substring(0, dot);
    for (String prefix : new String[] {"application-", "bootstrap-"}) {
      if (base.startsWith(prefix) && base.length() > prefix.length()) {
        return Optional.of(splitCamel(base.substring(prefix.length())));
      }
    }
    return Optional.empty();
  }
}
