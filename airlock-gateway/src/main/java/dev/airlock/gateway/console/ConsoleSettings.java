package dev.airlock.gateway.console;

import java.util.Objects;

/**
 * How the console runs.
 *
 * @param approver the name every vote cast in this console is recorded under (from --as or $USER)
 * @param bind the address to listen on; loopback unless {@code allowRemote}
 * @param port the port, 0 for any free one
 * @param allowRemote serve beyond this machine: required for a non-loopback {@code bind}, since
 *     the login token then crosses the network in clear text
 */
public record ConsoleSettings(String approver, String bind, int port, boolean allowRemote) {
  public ConsoleSettings {
    Objects.requireNonNull(approver, "approver");
    Objects.requireNonNull(bind, "bind");
    if (approver.isBlank()) {
      throw new IllegalArgumentException("the console needs an approver name (--as NAME)");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port " + port + " is not between 0 and 65535");
    }
  }

  /** On 127.0.0.1, any free port. */
  public static ConsoleSettings local(String approver) {
    return new ConsoleSettings(approver, "127.0.0.1", 0, false);
  }
}
