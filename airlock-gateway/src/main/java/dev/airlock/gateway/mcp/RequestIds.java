package dev.airlock.gateway.mcp;

import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds the id of a request that cannot be read as a whole (not UTF-8, not JSON, too large), so
 * the error answer reaches the caller that waits for it instead of leaving it to time out. Reads
 * the top-level fields in order and stops at the first one it cannot read.
 */
final class RequestIds {
  private RequestIds() {}

  /** The top-level {@code id} if it is a string or an integer and comes before the damage; else null. */
  static Object salvage(byte[] message) {
    String text = new String(message, StandardCharsets.UTF_8);
    try (JsonParser p = JsonMapper.shared().createParser(text)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      for (JsonToken t = p.nextToken(); t == JsonToken.PROPERTY_NAME; t = p.nextToken()) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (name.equals("id")) {
          if (value == JsonToken.VALUE_STRING) {
            return p.getString();
          }
          if (value == JsonToken.VALUE_NUMBER_INT) {
            return p.getNumberValue();
          }
          return null;
        }
        p.skipChildren();
      }
      return null;
    } catch (JacksonException e) {
      return null;
    }
  }
}
