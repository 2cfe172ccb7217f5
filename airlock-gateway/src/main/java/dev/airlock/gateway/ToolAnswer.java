package dev.airlock.gateway;

import java.util.Map;

/**
 * What a gateway tool answers, independent of the protocol that carries it: a one-line summary
 * for people and agents, and the data as plain JSON values (maps, lists, strings, numbers,
 * booleans, null). An error answer is a refusal or failure the agent should read, not a crash.
 */
public record ToolAnswer(boolean error, String summary, Map<String, Object> data) {
  public static ToolAnswer ok(String summary, Map<String, Object> data) {
    return new ToolAnswer(false, summary, data);
  }

  public static ToolAnswer refused(String summary, Map<String, Object> data) {
    return new ToolAnswer(true, summary, data);
  }
}
