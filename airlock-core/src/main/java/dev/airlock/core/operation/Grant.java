package dev.airlock.core.operation;

import java.util.List;

/**
 * Grants privileges on objects.
 *
 * @param privileges the privileges named, upper case; empty when {@code allPrivileges}
 * @param target the objects as written after ON
 */
public record Grant(
    List<String> privileges,
    boolean allPrivileges,
    String target,
    List<String> grantees,
    boolean withGrantOption)
    implements Operation {
  public Grant {
    privileges = List.copyOf(privileges);
    grantees = List.copyOf(grantees);
  }
}
