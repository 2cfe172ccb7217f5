package dev.airlock.migrations.django;

import dev.airlock.core.sql.Dialect;
import dev.airlock.migrations.python.PyCall;
import dev.airlock.migrations.python.PyLiterals;
import dev.airlock.migrations.python.PyNode;
import java.util.Optional;
import java.util.Set;

/**
 * A model field as a migration declares it ({@code models.CharField(max_length=100)}), with what
 * the schema editor needs from it: the column name and the column type per dialect.
 *
 * @param name the field's name
 * @param className the field class without its module ("CharField")
 * @param call the declaration, or null when the field is only known by name
 */
record FieldDef(String name, String className, PyCall call) {
  private static final Set<String> FOREIGN_KEYS =
      Set.of("ForeignKey", "OneToOneField", "ParentalKey", "TreeForeignKey", "TreeOneToOneField");
  private static final Set<String> MANY_TO_MANY =
      Set.of(
          "ManyToManyField",
          "ParentalManyToManyField",
          "TreeManyToManyField",
          "SortedManyToManyField");

  static FieldDef of(String name, PyNode declaration) {
    Optional<PyCall> call = PyCall.of(declaration);
    return call.map(c -> new FieldDef(name, c.name(), c))
        .orElseGet(() -> new FieldDef(name, "?", null));
  }

  static FieldDef unknown(String name) {
    return new FieldDef(name, "?", null);
  }

  boolean known() {
    return call != null;
  }

  boolean foreignKey() {
    return FOREIGN_KEYS.contains(className) || className.endsWith("ForeignKey");
  }

  boolean manyToMany() {
    return MANY_TO_MANY.contains(className);
  }

  Optional<String> string(String keyword) {
    return call == null
        ? Optional.empty()
        : Optional.ofNullable(call.keywords().get(keyword)).flatMap(PyLiterals::string);
  }

  Optional<Long> integer(String keyword) {
    return call == null
        ? Optional.empty()
        : Optional.ofNullable(call.keywords().get(keyword)).flatMap(PyLiterals::integer);
  }

  boolean flag(String keyword) {
    return call != null
        && Optional.ofNullable(call.keywords().get(keyword))
            .flatMap(PyLiterals::bool)
            .orElse(false);
  }

  boolean nullable() {
    return flag("null");
  }

  boolean primaryKey() {
    return flag("primary_key") || className.endsWith("AutoField");
  }

  /** The column behind the field: db_column, else name_id for a foreign key, else the name. */
  String column() {
    return string("db_column").orElse(foreignKey() ? name + "_id" : name);
  }

  /** The through model of a many-to-many field, if one is named (then no table is auto-created). */
  boolean hasThrough() {
    return call != null && call.keywords().containsKey("through");
  }

  /** The auto-created join table of a many-to-many field. */
  String joinTable(String modelTable) {
    return string("db_table").orElse(modelTable + "_" + name);
  }

  /**
   * What decides the column type, for comparing two declarations: the rendered type for known
   * classes, else the class and its size arguments.
   */
  String typeSignature(Dialect dialect) {
    return dbType(dialect)
        .orElse(className + "(" + integer("max_length").map(String::valueOf).orElse("") + ")");
  }

  /** The column type Django's schema editor uses for this field in a dialect. */
  Optional<String> dbType(Dialect dialect) {
    if (call == null) {
      return Optional.empty();
    }
    if (foreignKey()) {
      // the type of the target's primary key; BigAutoField is Django's default since 3.2
      return Optional.of("bigint");
    }
    String c = className;
    long maxLength = integer("max_length").orElse(defaultLength(c));
    boolean pg = dialect == Dialect.POSTGRESQL || dialect == Dialect.GENERIC;
    boolean my = dialect == Dialect.MYSQL;
    String t =
        switch (c) {
          case "AutoField" -> pg ? "integer" : my ? "integer AUTO_INCREMENT" : "integer";
          case "BigAutoField" -> pg ? "bigint" : my ? "bigint AUTO_INCREMENT" : "integer";
          case "SmallAutoField" -> pg ? "smallint" : my ? "smallint AUTO_INCREMENT" : "integer";
          case "BinaryField" -> pg ? "bytea" : my ? "longblob" : "BLOB";
          case "BooleanField", "NullBooleanField" -> pg ? "boolean" : "bool";
          case "CharField",
              "SlugField",
              "EmailField",
              "URLField",
              "FileField",
              "ImageField",
              "FilePathField" ->
              maxLength < 0 ? "varchar" : "varchar(" + maxLength + ")";
          case "DateField" -> "date";
          case "DateTimeField" -> pg ? "timestamp with time zone" : my ? "datetime(6)" : "datetime";
          case "DecimalField" ->
              my || pg
                  ? "numeric("
                      + integer("max_digits").map(String::valueOf).orElse("?")
                      + ", "
                      + integer("decimal_places").map(String::valueOf).orElse("?")
                      + ")"
                  : "decimal";
          case "DurationField" -> pg ? "interval" : "bigint";
          case "FloatField" -> pg || my ? "double precision" : "real";
          case "IntegerField" -> "integer";
          case "BigIntegerField" -> "bigint";
          case "SmallIntegerField" -> "smallint";
          case "PositiveIntegerField" ->
              pg ? "integer" : my ? "integer UNSIGNED" : "integer unsigned";
          case "PositiveBigIntegerField" ->
              pg ? "bigint" : my ? "bigint UNSIGNED" : "bigint unsigned";
          case "PositiveSmallIntegerField" ->
              pg ? "smallint" : my ? "smallint UNSIGNED" : "smallint unsigned";
          case "GenericIPAddressField", "IPAddressField" -> pg ? "inet" : "char(39)";
          case "JSONField" -> pg ? "jsonb" : my ? "json" : "text";
          case "TextField" -> my ? "longtext" : "text";
          case "TimeField" -> my ? "time(6)" : "time";
          case "UUIDField" -> pg ? "uuid" : "char(32)";
          case "ArrayField" -> arrayType(dialect);
          case "HStoreField" -> "hstore";
          case "CICharField" -> "citext";
          case "CIEmailField" -> "citext";
          case "CITextField" -> "citext";
          case "SearchVectorField" -> "tsvector";
          default -> null;
        };
    return Optional.ofNullable(t);
  }

  private String arrayType(Dialect dialect) {
    PyNode base = call.arg(0, "base_field").orElse(null);
    if (base == null) {
      return null;
    }
    return FieldDef.of(name, base).dbType(dialect).map(t -> t + "[]").orElse(null);
  }

  private static long defaultLength(String className) {
    return switch (className) {
      case "SlugField" -> 50;
      case "EmailField" -> 254;
      case "URLField" -> 200;
      case "FileField", "ImageField", "FilePathField" -> 100;
      default -> -1; // CharField without max_length: unbounded varchar (Django 4.2+, PostgreSQL)
    };
  }

  /** The type named in messages: the SQL type when known, else the field class. */
  String typeLabel(Dialect dialect) {
    return dbType(dialect).orElse(className);
  }
}
