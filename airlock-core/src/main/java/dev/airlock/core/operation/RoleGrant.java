package dev.airlock.core.operation;

import java.util.List;

/** Makes grantees members of roles, so they inherit everything those roles may do. */
public record RoleGrant(List<String> roles, List<String> grantees, boolean withAdminOption)
    implements Operation {
  public RoleGrant {
    roles = List.copyOf(roles);
    grantees = List.copyOf(grantees);
  }
}
