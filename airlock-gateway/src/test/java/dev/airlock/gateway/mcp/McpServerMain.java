package dev.airlock.gateway.mcp;

import dev.airlock.core.policy.Config;
import dev.airlock.gateway.GatewaySettings;
import dev.airlock.gateway.store.Store;
import dev.airlock.gateway.store.Stores;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The server process the protocol tests start, as {@code airlock mcp} does it but without the
 * CLI (which depends on this module): {@code --db URL --policy FILE --identity NAME --home DIR
 * [--store URL]}. Everything but JSON-RPC goes to stderr.
 */
public final class McpServerMain {
  private McpServerMain() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    FileOutputStream protocol = new FileOutputStream(FileDescriptor.out);
    System.setOut(System.err);
    Map<String, String> a = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      a.put(args[i], args[i + 1]);
    }
    var policy = Config.parse(Files.readString(Path.of(a.get("--policy"))), a.get("--policy")).gateway();
    try (Store store = Stores.open(Optional.ofNullable(a.get("--store")), Path.of(a.get("--home")))) {
      McpGatewayServer.serve(
          GatewaySettings.of(a.get("--db"), a.get("--identity"), policy, store), System.in, protocol, "test", m -> System.err.println("airlock mcp: " + m));
    }
  }
}
