package dev.airlock.migrations.alembic;

import dev.airlock.core.sql.Dialect;
import dev.airlock.migrations.python.PyCall;
import dev.airlock.migrations.python.PyLiterals;
import dev.airlock.migrations.python.PyNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** SQLAlchemy type expressions ({@code sa.String(length=200)}) as the DDL each dialect gets. */
final class SqlTypes {
  private SqlTypes() {}

  static String render(PyNode expr, Dialect dialect) {
    PyNode n = expr.unwrap();
    Optional<PyCall> call = PyCall.of(n);
    String name =
        call.map(PyCall::name)
            .orElseGet(
                () -> {
                  String d = PyCall.dotted(n);
                  int dot = d.lastIndexOf('.');
                  return dot < 0 ? d : d.substring(dot + 1);
                });
    List<PyNode> args = call.map(PyCall::positional).orElse(List.of());
    boolean pg = dialect == Dialect.POSTGRESQL || dialect == Dialect.GENERIC;
    boolean my = dialect == Dialect.MYSQL;
    Optional<Long> length = call.flatMap(c -> c.arg(0, "length")).flatMap(PyLiterals::integer);
    switch (name) {
      case "String", "Unicode", "VARCHAR", "NVARCHAR":
        return length.map(l -> "VARCHAR(" + l + ")").orElse("VARCHAR");
      case "CHAR", "NCHAR":
        return length.map(l -> "CHAR(" + l + ")").orElse("CHAR");
      case "Text", "UnicodeText", "TEXT":
        return "TEXT";
      case "Integer", "INTEGER", "INT":
        return "INTEGER";
      case "BigInteger", "BIGINT":
        return "BIGINT";
      case "SmallInteger", "SMALLINT":
        return "SMALLINT";
      case "Numeric", "NUMERIC", "DECIMAL":
        {
          Optional<Long> p = call.flatMap(c -> c.arg(0, "precision")).flatMap(PyLiterals::integer);
          Optional<Long> s = call.flatMap(c -> c.arg(1, "scale")).flatMap(PyLiterals::integer);
          String base = name.equals("DECIMAL") ? "DECIMAL" : "NUMERIC";
          return p.map(v -> base + "(" + v + s.map(x -> ", " + x).orElse("") + ")").orElse(base);
        }
      case "Float", "FLOAT", "REAL", "DOUBLE", "Double", "DOUBLE_PRECISION":
        return name.startsWith("D") ? "DOUBLE PRECISION" : "FLOAT";
      case "Boolean", "BOOLEAN":
        return my ? "BOOL" : "BOOLEAN";
      case "Date", "DATE":
        return "DATE";
      case "DateTime", "DATETIME", "TIMESTAMP":
        {
          boolean tz =
              call.flatMap(c -> c.arg(0, "timezone")).flatMap(PyLiterals::bool).orElse(false);
          if (pg) {
            return tz ? "TIMESTAMP WITH TIME ZONE" : "TIMESTAMP WITHOUT TIME ZONE";
          }
          return name.equals("TIMESTAMP") ? "TIMESTAMP" : "DATETIME";
        }
      case "Time", "TIME":
        return "TIME";
      case "Interval", "INTERVAL":
        return pg ? "INTERVAL" : "DATETIME";
      case "LargeBinary", "BLOB", "BYTEA", "LargeBinaryType":
        return pg ? "BYTEA" : "BLOB";
      case "JSON":
        return "JSON";
      case "JSONB":
        return "JSONB";
      case "UUID", "Uuid":
        return pg ? "UUID" : "CHAR(32)";
      case "Enum":
        {
          Optional<String> typeName =
              call.flatMap(c -> Optional.ofNullable(c.keywords().get("name")))
                  .flatMap(PyLiterals::string);
          if (pg && typeName.isPresent()) {
            return typeName.get();
          }
          StringBuilder sb = new StringBuilder(my ? "ENUM(" : "VARCHAR(");
          if (my) {
            for (int i = 0; i < args.size(); i++) {
              sb.append(i > 0 ? "," : "")
                  .append("'")
                  .append(PyLiterals.string(args.get(i)).orElse("?"))
                  .append("'");
            }
            return sb.append(")").toString();
          }
          int max =
              args.stream()
                  .map(a -> PyLiterals.string(a).orElse(""))
                  .mapToInt(String::length)
                  .max()
                  .orElse(0);
          return "VARCHAR(" + max + ")";
        }
      case "ARRAY":
        return args.isEmpty() ? "ARRAY" : render(args.get(0), dialect) + "[]";
      default:
        {
          String upper = name.toUpperCase(Locale.ROOT);
          String argText =
              call.map(c -> c.node().child("arguments").map(PyNode::text).orElse("")).orElse("");
          return argText.isEmpty() || argText.equals("()")
              ? upper
              : upper + argText.replaceAll("\\s+", " ");
        }
    }
  }
}
