package dev.airlock.gateway.db;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** JSON text for what the gateway stores: parameters and previews. Decimals stay exact. */
public final class Json {
  private static final JsonMapper MAPPER =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  private Json() {}

  public static String write(Object value) {
    return MAPPER.writeValueAsString(value);
  }

  /** The value of a JSON text; {@link IllegalArgumentException} when it is not JSON. */
  public static Object read(String text) {
    try {
      return MAPPER.readValue(text, Object.class);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("not JSON: " + DatabaseSession.firstLine(e), e);
    }
  }
}
