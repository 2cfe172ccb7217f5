package dev.airlock.core.rules;

import dev.airlock.core.operation.Grant;
import dev.airlock.core.operation.Operation;
import dev.airlock.core.operation.RoleAttributes;
import dev.airlock.core.operation.RoleGrant;
import dev.airlock.core.rule.Category;
import dev.airlock.core.rule.Rule;
import dev.airlock.core.rule.RuleInfo;
import dev.airlock.core.rule.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

@RuleInfo(
    id = "role-escalation",
    severity = Severity.CRITICAL,
    category = Category.PRIVILEGE,
    summary = "A role gets SUPERUSER, CREATEROLE, BYPASSRLS or membership of a powerful role",
    why = "These bypass every other permission: a superuser can drop anything, read any file and"
        + " run programs on the server; BYPASSRLS ignores row-level security; CREATEROLE can mint"
        + " new powerful roles.",
    saferWay = "Grant the specific privileges the role needs on specific objects instead of a"
        + " server-wide power.")
public final class RoleEscalation implements Rule {
  /** Roles whose membership is as good as superuser, or reads and writes everything. */
  private static final Set<String> POWERFUL_ROLES =
      Set.of(
          "postgres",
          "rds_superuser",
          "azure_pg_admin",
          "cloudsqlsuperuser",
          "alloydbsuperuser",
          "pg_write_all_data",
          "pg_read_all_data",
          "pg_execute_server_program",
          "pg_read_server_files",
          "pg_write_server_files",
          "pg_signal_backend",
          "pg_database_owner",
          "root",
          "dba",
          "db_owner",
          "sysadmin");

  /** MySQL global privileges that amount to controlling the server. */
  private static final Set<String> POWERFUL_PRIVILEGES =
      Set.of("SUPER", "FILE", "SHUTDOWN", "PROCESS", "CREATE USER", "RELOAD", "GRANT OPTION");

  @Override
  public Optional<String> check(Operation operation) {
    if (operation instanceof RoleAttributes r) {
      return Optional.of(
          "gives role " + Quote.of(r.role()) + " " + String.join(", ", r.attributes().stream().sorted().toList()));
    }
    if (operation instanceof RoleGrant g) {
      List<String> powerful =
          g.roles().stream().filter(r -> POWERFUL_ROLES.contains(unquote(r))).toList();
      if (!powerful.isEmpty()) {
        return Optional.of(
            "makes " + Quote.all(g.grantees()) + " a member of " + Quote.all(powerful) + ", with all their powers");
      }
      if (g.withAdminOption()) {
        return Optional.of(
            "lets " + Quote.all(g.grantees()) + " grant " + Quote.all(g.roles()) + " to anyone (WITH ADMIN OPTION)");
      }
    }
    if (operation instanceof Grant g) {
      List<String> powerful = g.privileges().stream().filter(POWERFUL_PRIVILEGES::contains).toList();
      if (!powerful.isEmpty()) {
        return Optional.of(
            "grants server-wide " + String.join(", ", powerful) + " to " + Quote.all(g.grantees()));
      }
    }
    return Optional.empty();
  }

  /** {@code "postgres"}, MySQL's {@code 'dba'@'%'} and {@code `dba`} name the roles they quote. */
  private static String unquote(String role) {
    String name = role.strip();
    int host = name.indexOf('@');
    if (host > 0) {
      name = name.substring(0, host).strip();
    }
    return name.replaceAll("[\"'`]", "").toLowerCase(Locale.ROOT);
  }
}
