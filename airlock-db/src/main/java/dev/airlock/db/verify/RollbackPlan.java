package dev.airlock.db.verify;

import java.util.List;

/**
 * A script that undoes the migration: a backup step to run before it, for the data it destroys,
 * and the restore to run after it. Verify tests it: backup, migration and restore run in one
 * transaction and the catalog is compared with the original.
 *
 * @param backup statements to run BEFORE the migration (copies into schema airlock_backup)
 * @param restore statements that undo the migration, in order
 * @param manual what the plan cannot restore, for a person to handle
 * @param tested whether the test ran
 * @param restoresCatalog true when the catalog after backup+migration+restore equals the original
 * @param residue the differences that remained, if any
 * @param restoresRows true when every table's row count was back to the original
 */
public record RollbackPlan(
    List<String> backup,
    List<String> restore,
    List<String> manual,
    boolean tested,
    boolean restoresCatalog,
    List<String> residue,
    boolean restoresRows) {
  public RollbackPlan {
    backup = List.copyOf(backup);
    restore = List.copyOf(restore);
    manual = List.copyOf(manual);
    residue = List.copyOf(residue);
  }

  /** The plan as one SQL script with instructions in comments. */
  public String script() {
    StringBuilder sb = new StringBuilder();
    sb.append("-- Rollback plan written by airlock verify.\n");
    if (tested) {
      sb.append("-- Tested: backup, migration and restore in one transaction (rolled back); ")
          .append(restoresCatalog ? "the catalog matched the original" : "the catalog did NOT match the original")
          .append(restoresRows ? " and every table's row count did.\n" : "; row counts differed.\n");
      for (String r : residue) {
        sb.append("--   still different: ").append(r).append('\n');
      }
    }
    sb.append("\n-- 1. BEFORE the migration: back up the data it destroys.\n");
    if (backup.isEmpty()) {
      sb.append("-- (nothing to back up)\n");
    } else {
      sb.append("CREATE SCHEMA IF NOT EXISTS airlock_backup;\n");
      backup.forEach(s -> sb.append(s).append(";\n"));
    }
    sb.append("\n-- 2. To roll back AFTER the migration: restore the schema, then the data.\n");
    sb.append("BEGIN;\n");
    restore.forEach(s -> sb.append(s).append(";\n"));
    sb.append("COMMIT;\n");
    if (!manual.isEmpty()) {
      sb.append("\n-- Not restored by this script:\n");
      manual.forEach(m -> sb.append("--   ").append(m).append('\n'));
    }
    if (!backup.isEmpty()) {
      sb.append("\n-- 3. When the rollback is no longer needed: DROP SCHEMA airlock_backup CASCADE;\n");
    }
    return sb.toString();
  }
}
