package dev.airlock.core.operation;

import java.util.Set;

/** Creates or alters a role with attributes such as SUPERUSER or BYPASSRLS (upper case). */
public record RoleAttributes(String role, Set<String> attributes) implements Operation {
  public RoleAttributes {
    attributes = Set.copyOf(attributes);
  }
}
