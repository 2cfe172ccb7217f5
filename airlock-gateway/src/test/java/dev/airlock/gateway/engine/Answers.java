package dev.airlock.gateway.engine;

import dev.airlock.gateway.ToolAnswer;
import java.util.List;
import java.util.Map;

/** Reading the plain JSON values of a tool answer in tests. */
final class Answers {
  private Answers() {}

  /** The id of the approval request an execute answer filed. */
  static String requestId(ToolAnswer a) {
    return (String) a.data().get("requestId");
  }

  @SuppressWarnings("unchecked")
  static List<List<Object>> rows(ToolAnswer a) {
    return (List<List<Object>>) a.data().get("rows");
  }

  @SuppressWarnings("unchecked")
  static List<List<Object>> rows(Map<String, Object> data) {
    return (List<List<Object>>) data.get("rows");
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> list(Map<String, Object> data, String key) {
    return (List<Map<String, Object>>) data.get(key);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Map<String, Object> data, String key) {
    return (Map<String, Object>) data.get(key);
  }
}
