package dev.airlock.migrations.liquibase;

import dev.airlock.core.frontend.Parsed;
import dev.airlock.core.operation.Allowance;
import dev.airlock.core.operation.AlterColumnType;
import dev.airlock.core.operation.Benign;
import dev.airlock.core.operation.DataMigration;
import dev.airlock.core.operation.Drop;
import dev.airlock.core.operation.DropColumn;
import dev.airlock.core.operation.DropConstraint;
import dev.airlock.core.operation.DynamicSql;
import dev.airlock.core.operation.ObjectKind;
import dev.airlock.core.operation.Occurrence;
import dev.airlock.core.operation.Operation;
import dev.airlock.core.operation.Rename;
import dev.airlock.core.operation.RenameColumn;
import dev.airlock.core.operation.UnparsedMigration;
import dev.airlock.core.source.SourceText;
import dev.airlock.core.sql.Dialect;
import dev.airlock.core.sql.EmbeddedSql;
import dev.airlock.migrations.Project;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a changelog read into {@link ChangeNode}s (from XML, YAML or JSON alike) into operations:
 * one or more per change, each with the SQL Liquibase generates for it, plus an irreversible
 * migration where a changeset drops a table or column its rollback cannot bring back.
 */
final class ChangelogTranslator {
  static final String FORMAT = "liquibase";

  /** Changes that cannot lose data or break readers; reported as Benign so counts cover them. */
  private static final Set<String> BENIGN =
      Set.of(
          "addAutoIncrement", "addColumn", "addDefaultValue", "addForeignKeyConstraint", "addLookupTable",
          "addNotNullConstraint", "addPrimaryKey", "addUniqueConstraint", "alterSequence", "createIndex",
          "createSequence", "createTable", "createView", "insert", "loadData", "loadUpdateData",
          "tagDatabase", "setColumnRemarks", "setTableRemarks", "stop", "output", "empty",
          "addCheckConstraint", "enableCheckConstraint", "disableCheckConstraint", "enableTrigger",
          "disableTrigger", "createSynonym", "createPackage", "createPackageBody", "dropNotNullConstraint",
          "dropDefaultValue");

  /** Children of a changeset that are not changes. */
  private static final Set<String> CHANGESET_META =
      Set.of("comment", "preConditions", "validCheckSum", "rollback", "modifySql");

  private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

  private final SourceText source;
  private final Dialect target;
  private final Project project;
  private final Path path;
  private final List<Occurrence> out = new ArrayList<>();
  private final Map<String, ChangeNode> changesetsById = new HashMap<>();
  private int statements;

  ChangelogTranslator(SourceText source, Dialect target, Project project, Path path) {
    this.source = source;
    this.target = target;
    this.project = project;
    this.path = path;
  }

  Parsed translate(ChangeNode root) {
    if (!root.name().equals("databaseChangeLog")) {
      return unparsed("the root element is <" + root.name() + ">, not <databaseChangeLog>", root.start(), root.start());
    }
    Map<String, String> properties = new LinkedHashMap<>();
    for (ChangeNode p : root.children("property")) {
      p.attr("name").ifPresent(n -> properties.putIfAbsent(n, p.attributes().getOrDefault("value", "")));
    }
    List<ChangeNode> entries = properties.isEmpty() ? root.children() : root.children().stream().map(c -> substitute(c, properties)).toList();
    for (ChangeNode e : entries) {
      if (e.name().equals("changeSet")) {
        changesetsById.put(e.attr("id").orElse(""), e);
      }
    }
    for (ChangeNode e : entries) {
      switch (e.name()) {
        case "changeSet" -> changeSet(e);
        case "include", "includeAll" -> {
          statements++;
          String target = e.attr(e.name().equals("include") ? "file" : "path").orElse("?");
          emit(new Benign(e.name()), e, Optional.empty(), e.name() + " " + target + " (checked as a file of its own)", e.allowances());
        }
        case "modifyChangeSets" -> {
          for (ChangeNode inc : e.children()) {
            statements++;
            emit(new Benign(inc.name()), inc, Optional.empty(), "modifyChangeSets", e.allowances());
          }
        }
        case "property", "preConditions", "removeChangeSetProperty", "text" -> {
          // settings of the changelog, not changes
        }
        default -> {
          statements++;
          emit(new UnparsedMigration(FORMAT, "unknown changelog entry `" + e.name() + "`"), e, Optional.empty(), "databaseChangeLog", e.allowances());
        }
      }
    }
    return new Parsed(out, statements);
  }

  private void changeSet(ChangeNode cs) {
    String label = "changeset " + cs.attr("author").orElse("?") + ":" + cs.attr("id").orElse("?");
    Optional<String> dbms = cs.attr("dbms");
    Dialect dialect = effective(dbms, target);
    String within =
        label
            + (cs.flag("runAlways", false) ? " (runAlways: runs on every update)" : "")
            + (cs.flag("runOnChange", false) ? " (runOnChange)" : "")
            + dbms.map(d -> " (dbms " + d + ")").orElse("");
    Rollback rollback = rollbackOf(cs);
    List<Occurrence> ops = new ArrayList<>();
    for (ChangeNode change : cs.children()) {
      if (CHANGESET_META.contains(change.name())) {
        continue;
      }
      statements++;
      int before = out.size();
      change(change, dialect, within, cs.allowances(), rollback != Rollback.NONE);
      ops.addAll(out.subList(before, out.size()));
    }
    out.addAll(rollback.judge(label, ops));
  }

  private Rollback rollbackOf(ChangeNode cs) {
    Optional<ChangeNode> element = cs.child("rollback");
    if (element.isPresent()) {
      ChangeNode r = element.get();
      Optional<String> ref = r.attr("changeSetId");
      if (ref.isPresent()) {
        ChangeNode other = changesetsById.get(ref.get());
        if (other == null) {
          return Rollback.RESTORES; // another changelog's changeset: cannot be judged from here
        }
        List<ChangeNode> changes = other.children().stream().filter(c -> !CHANGESET_META.contains(c.name())).toList();
        return Rollback.of(new ChangeNode("rollback", Map.of(), changes, "", 0, 0, List.of()));
      }
      return Rollback.of(r);
    }
    if (cs.attributes().containsKey("rollback")) {
      return Rollback.ofSql(cs.attributes().get("rollback"));
    }
    return Rollback.NONE;
  }

  private void change(ChangeNode c, Dialect dialect, String within, List<Allowance> outer, boolean hasRollback) {
    LiquibaseSql sql = new LiquibaseSql(dialect);
    List<Allowance> allow = new ArrayList<>(outer);
    allow.addAll(c.allowances());
    String table = sql.qualified(c.attr("schemaName").orElse(null), c.attr("tableName").orElse("?"));
    String bareTable = c.attr("tableName").orElse("?");
    String name = c.name();
    switch (name) {
      case "dropTable" -> {
        boolean cascade = c.flag("cascadeConstraints", false);
        emit(new Drop(ObjectKind.TABLE, "table", List.of(display(c, "tableName")), false, cascade), c, Optional.of(sql.dropTable(table, cascade)), within, allow);
      }
      case "dropColumn" -> {
        List<String> columns = new ArrayList<>();
        c.attr("columnName").ifPresent(columns::add);
        c.columns().forEach(col -> col.attr("name").ifPresent(columns::add));
        if (columns.isEmpty()) {
          emit(new UnparsedMigration(FORMAT, "dropColumn names no column"), c, Optional.empty(), within, allow);
        }
        for (String col : columns) {
          emit(new DropColumn(display(c, "tableName"), col, false, false), c, Optional.of(sql.dropColumns(table, List.of(col))), within, allow);
        }
      }
      case "modifyDataType" -> {
        String col = c.attr("columnName").orElse("?");
        String type = c.attr("newDataType").orElse("");
        emit(new AlterColumnType(display(c, "tableName"), col, type), c, Optional.of(sql.modifyDataType(table, col, type)), within, allow);
      }
      case "renameColumn" -> {
        String from = c.attr("oldColumnName").orElse("?");
        String to = c.attr("newColumnName").orElse("?");
        emit(new RenameColumn(display(c, "tableName"), from, to), c,
            Optional.of(sql.renameColumn(table, from, to, c.attr("columnDataType").orElse(null))), within, allow);
      }
      case "renameTable" -> {
        String from = c.attr("oldTableName").orElse("?");
        String to = c.attr("newTableName").orElse("?");
        String schema = c.attr("schemaName").orElse(null);
        emit(new Rename(ObjectKind.TABLE, qualifiedName(schema, from), qualifiedName(schema, to)), c,
            Optional.of(sql.renameTable(sql.qualified(schema, from), sql.id(to))), within, allow);
      }
      case "renameView" -> {
        String from = c.attr("oldViewName").orElse("?");
        String to = c.attr("newViewName").orElse("?");
        String schema = c.attr("schemaName").orElse(null);
        emit(new Rename(ObjectKind.VIEW, qualifiedName(schema, from), qualifiedName(schema, to)), c,
            Optional.of(sql.renameView(sql.qualified(schema, from), sql.id(to))), within, allow);
      }
      case "renameSequence" -> {
        String from = c.attr("oldSequenceName").orElse("?");
        String to = c.attr("newSequenceName").orElse("?");
        emit(new Rename(ObjectKind.SEQUENCE, from, to), c, Optional.of("ALTER SEQUENCE " + sql.id(from) + " RENAME TO " + sql.id(to) + ";"), within, allow);
      }
      case "dropView" -> {
        boolean ifExists = c.flag("ifExists", false);
        emit(new Drop(ObjectKind.VIEW, "view", List.of(display(c, "viewName")), ifExists, false), c,
            Optional.of(sql.dropView(sql.qualified(c.attr("schemaName").orElse(null), c.attr("viewName").orElse("?")), ifExists)), within, allow);
      }
      case "dropIndex" -> {
        String index = c.attr("indexName").orElse("?");
        emit(new Drop(ObjectKind.INDEX, "index", List.of(index), false, false), c,
            Optional.of(sql.dropIndex(sql.qualified(c.attr("schemaName").orElse(null), index), c.attr("tableName").isPresent() ? table : null)), within, allow);
      }
      case "dropForeignKeyConstraint" -> {
        String base = sql.qualified(c.attr("baseTableSchemaName").orElse(null), c.attr("baseTableName").orElse("?"));
        String fk = c.attr("constraintName").orElse("?");
        emit(new DropConstraint(display(c, "baseTableName"), fk, false), c, Optional.of(sql.dropForeignKey(base, fk)), within, allow);
      }
      case "dropAllForeignKeyConstraints" -> {
        String base = sql.qualified(c.attr("baseTableSchemaName").orElse(null), c.attr("baseTableName").orElse("?"));
        emit(new DropConstraint(display(c, "baseTableName"), "every foreign key", false), c,
            Optional.of("-- one statement per foreign key of " + base + ", e.g.\n" + sql.dropForeignKey(base, "<fk>")), within, allow);
      }
      case "dropUniqueConstraint" -> {
        String uq = c.attr("constraintName").orElse("?");
        emit(new DropConstraint(display(c, "tableName"), uq, false), c, Optional.of(sql.dropUnique(table, uq)), within, allow);
      }
      case "dropPrimaryKey" -> {
        Optional<String> pk = c.attr("constraintName");
        emit(new DropConstraint(display(c, "tableName"), pk.orElse("primary key"), false), c,
            Optional.of(sql.dropPrimaryKey(table, bareTable, pk.orElse(null))), within, allow);
      }
      case "dropCheckConstraint" -> {
        String ck = c.attr("constraintName").orElse("?");
        emit(new DropConstraint(display(c, "tableName"), ck, false), c, Optional.of(sql.dropConstraint(table, ck)), within, allow);
      }
      case "dropSequence" -> dropObject(c, ObjectKind.SEQUENCE, "sequence", "sequenceName", "SEQUENCE", sql, within, allow);
      case "dropProcedure" -> dropObject(c, ObjectKind.PROCEDURE, "procedure", "procedureName", "PROCEDURE", sql, within, allow);
      case "dropFunction" -> dropObject(c, ObjectKind.FUNCTION, "function", "functionName", "FUNCTION", sql, within, allow);
      case "dropTrigger" -> dropObject(c, ObjectKind.TRIGGER, "trigger", "triggerName", "TRIGGER", sql, within, allow);
      case "dropSynonym" -> dropObject(c, ObjectKind.OTHER, "synonym", "synonymName", "SYNONYM", sql, within, allow);
      case "dropPackage", "dropPackageBody" -> dropObject(c, ObjectKind.OTHER, "package", "packageName", name.equals("dropPackage") ? "PACKAGE" : "PACKAGE BODY", sql, within, allow);
      case "mergeColumns" -> {
        String c1 = c.attr("column1Name").orElse("?");
        String c2 = c.attr("column2Name").orElse("?");
        String fin = c.attr("finalColumnName").orElse("?");
        String joinString = c.attr("joinString").orElse("");
        String generated =
            "ALTER TABLE " + table + " ADD " + sql.id(fin) + " " + c.attr("finalColumnType").orElse("") + ";\n"
                + "UPDATE " + table + " SET " + sql.id(fin) + " = " + sql.id(c1) + " || " + LiquibaseSql.literal(joinString) + " || " + sql.id(c2) + ";\n"
                + sql.dropColumns(table, List.of(c1, c2));
        emit(new DropColumn(display(c, "tableName"), c1, false, false), c, Optional.of(generated), within + ", mergeColumns into " + fin, allow);
        emit(new DropColumn(display(c, "tableName"), c2, false, false), c, Optional.of(generated), within + ", mergeColumns into " + fin, allow);
      }
      case "delete" -> {
        String where = c.value("where").orElse(null);
        embedded(c, sql.delete(table, where), dialect, within, allow);
      }
      case "update" -> {
        List<String> assignments = new ArrayList<>();
        for (ChangeNode col : c.columns()) {
          assignments.add(sql.id(col.attr("name").orElse("?")) + " = " + value(col));
        }
        if (assignments.isEmpty()) {
          assignments.add("?");
        }
        embedded(c, sql.update(table, assignments, c.value("where").orElse(null)), dialect, within, allow);
      }
      case "sql" -> {
        Dialect d = effective(c.attr("dbms"), dialect);
        String text = !c.text().isBlank() ? c.text() : c.attributes().getOrDefault("sql", "");
        embedded(c, delimited(text, c.attr("endDelimiter")), d, within + ", <sql>", allow);
      }
      case "sqlFile" -> {
        Dialect d = effective(c.attr("dbms"), dialect);
        String file = c.attr("path").orElse("");
        Optional<String> text = readRelative(file, c.flag("relativeToChangelogFile", false));
        if (text.isEmpty()) {
          emit(new UnparsedMigration(FORMAT, "sqlFile `" + file + "` cannot be read, so what it runs is unknown"), c, Optional.empty(), within, allow);
        } else {
          embedded(c, delimited(text.get(), c.attr("endDelimiter")), d, within + ", sqlFile " + file, allow);
        }
      }
      case "createProcedure", "createFunction", "createTrigger" -> {
        Dialect d = effective(c.attr("dbms"), dialect);
        String body = !c.text().isBlank() ? c.text() : c.attributes().getOrDefault("procedureText", c.attributes().getOrDefault("procedureBody", ""));
        if (body.isBlank() && c.attr("path").isPresent()) {
          body = readRelative(c.attr("path").get(), c.flag("relativeToChangelogFile", false)).orElse("");
          if (body.isBlank()) {
            emit(new UnparsedMigration(FORMAT, name + " file `" + c.attr("path").get() + "` cannot be read"), c, Optional.empty(), within, allow);
            return;
          }
        }
        embedded(c, delimited(body, c.attr("endDelimiter")), d, within + ", " + name + " body", allow);
      }
      case "customChange" -> {
        String cls = c.attr("class").orElse("?");
        emit(new DataMigration("customChange " + cls, hasRollback), c, Optional.empty(), within, allow);
      }
      case "executeCommand" -> {
        String exe = c.attr("executable").orElse("?");
        List<String> args = c.children("arg").stream().map(a -> a.attr("value").orElse(a.text().strip())).toList();
        String command = (exe + " " + String.join(" ", args)).strip();
        emit(new DynamicSql("executeCommand runs `" + command + "` on the machine that runs Liquibase"), c, Optional.empty(), within, allow);
      }
      default -> {
        if (BENIGN.contains(name)) {
          emit(new Benign(name), c, Optional.empty(), within, allow);
        } else {
          emit(new UnparsedMigration(FORMAT, "unknown change `" + name + "`: what it runs cannot be told"), c, Optional.empty(), within, allow);
        }
      }
    }
  }

  private void dropObject(ChangeNode c, ObjectKind kind, String label, String attribute, String keyword, LiquibaseSql sql, String within, List<Allowance> allow) {
    String object = c.attr(attribute).orElse("?");
    boolean ifExists = c.flag("ifExists", false);
    emit(new Drop(kind, label, List.of(qualifiedName(c.attr("schemaName").orElse(null), object)), ifExists, false), c,
        Optional.of("DROP " + keyword + (ifExists ? " IF EXISTS " : " ") + sql.qualified(c.attr("schemaName").orElse(null), object) + ";"), within, allow);
  }

  private static String value(ChangeNode col) {
    for (String raw : List.of("valueNumeric", "valueBoolean", "valueComputed", "valueSequenceNext")) {
      Optional<String> v = col.attr(raw);
      if (v.isPresent()) {
        return raw.equals("valueSequenceNext") ? "nextval('" + v.get() + "')" : v.get();
      }
    }
    for (String quoted : List.of("value", "valueDate")) {
      if (col.attributes().containsKey(quoted)) {
        return LiquibaseSql.literal(col.attributes().get(quoted));
      }
    }
    if (!col.text().isBlank()) {
      return LiquibaseSql.literal(col.text().strip());
    }
    return "NULL";
  }

  /** Analyses SQL with the SQL frontend; the occurrences point at the change. */
  private void embedded(ChangeNode c, String sql, Dialect dialect, String within, List<Allowance> allow) {
    List<Occurrence> found =
        EmbeddedSql.analyze(source, sql, dialect, source.span(c.start(), c.end()), statement(c), within, allow);
    if (found.isEmpty()) {
      emit(new Benign(c.name()), c, Optional.of(sql.strip()), within, allow);
    }
    out.addAll(found);
  }

  /** SQL whose statements end with a custom delimiter ({@code /}, {@code GO}): made to end with ';'. */
  static String delimited(String sql, Optional<String> endDelimiter) {
    String delimiter = endDelimiter.map(String::strip).orElse(";");
    StringBuilder b = new StringBuilder(sql.length());
    for (String line : sql.split("(?<=\\n)", -1)) {
      String bare = line.strip();
      boolean go = bare.equalsIgnoreCase("go");
      if (go || (!delimiter.equals(";") && !delimiter.isEmpty() && bare.equalsIgnoreCase(delimiter))) {
        b.append(line, 0, line.indexOf(bare)).append(';').append(" ".repeat(bare.length() - 1)).append(line.substring(line.indexOf(bare) + bare.length()));
      } else if (!delimiter.equals(";") && !delimiter.isEmpty() && bare.endsWith(delimiter)) {
        int at = line.lastIndexOf(delimiter);
        b.append(line, 0, at).append(';').append(" ".repeat(delimiter.length() - 1)).append(line.substring(at + delimiter.length()));
      } else {
        b.append(line);
      }
    }
    return b.toString();
  }

  /** The text of a file named in the changelog, relative to it or to a classpath root above it. */
  private Optional<String> readRelative(String file, boolean relativeToChangelog) {
    String f = file.replaceFirst("^classpath\\*?:", "").replaceFirst("^/+", "");
    if (f.isBlank()) {
      return Optional.empty();
    }
    Path dir = path.getParent() == null ? Path.of("") : path.getParent();
    List<Path> candidates = new ArrayList<>();
    if (relativeToChangelog) {
      candidates.add(dir.resolve(f));
    } else {
      for (Path a = dir; a != null; a = a.getParent()) {
        candidates.add(a.resolve(f));
      }
      candidates.add(Path.of(f));
      candidates.add(Path.of("src/main/resources").resolve(f));
    }
    for (Path p : candidates) {
      Path n = p.normalize();
      if (n.startsWith("..")) {
        continue;
      }
      Optional<String> text = project.read(n);
      if (text.isPresent()) {
        return text;
      }
    }
    return Optional.empty();
  }

  private void emit(Operation op, ChangeNode c, Optional<String> sql, String within, List<Allowance> allow) {
    out.add(new Occurrence(op, source.span(c.start(), c.end()), statement(c), sql, Optional.of(within), allow));
  }

  private String statement(ChangeNode c) {
    return source.text().substring(c.start(), c.end());
  }

  private Parsed unparsed(String reason, int start, int end) {
    out.add(new Occurrence(new UnparsedMigration(FORMAT, reason), source.span(start, end), source.text().substring(start, end), Optional.empty(), Optional.empty(), List.of()));
    return new Parsed(out, statements);
  }

  /** {@code schema.table} as the rules name it. */
  private static String display(ChangeNode c, String attribute) {
    return qualifiedName(c.attr("schemaName").or(() -> c.attr("baseTableSchemaName")).orElse(null), c.attr(attribute).orElse("?"));
  }

  private static String qualifiedName(String schema, String name) {
    return schema == null || schema.isBlank() ? name : schema + "." + name;
  }

  /**
   * The dialect a changeset or change runs in: the target when its dbms list allows it, else the
   * one dialect the list names.
   */
  static Dialect effective(Optional<String> dbms, Dialect target) {
    if (dbms.isEmpty()) {
      return target;
    }
    List<Dialect> named = new ArrayList<>();
    for (String item : dbms.get().split(",")) {
      String s = item.strip();
      if (s.isEmpty() || s.startsWith("!") || s.equalsIgnoreCase("all") || s.equalsIgnoreCase("none")) {
        continue;
      }
      Dialect.parse(s).ifPresent(named::add);
    }
    if (named.isEmpty() || named.contains(target)) {
      return target;
    }
    return named.get(0);
  }

  /** Replaces {@code ${name}} with the changelog's properties, everywhere in a node. */
  private static ChangeNode substitute(ChangeNode n, Map<String, String> properties) {
    Map<String, String> attrs = new LinkedHashMap<>();
    n.attributes().forEach((k, v) -> attrs.put(k, substitute(v, properties)));
    List<ChangeNode> children = n.children().stream().map(c -> substitute(c, properties)).toList();
    return new ChangeNode(n.name(), attrs, children, substitute(n.text(), properties), n.start(), n.end(), n.allowances());
  }

  private static String substitute(String s, Map<String, String> properties) {
    if (s.indexOf("${") < 0) {
      return s;
    }
    Matcher m = PROPERTY.matcher(s);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(b, Matcher.quoteReplacement(properties.getOrDefault(m.group(1).strip(), m.group())));
    }
    m.appendTail(b);
    return b.toString();
  }
}
