package dev.airlock.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HookJsonTest {
  @Test
  void readsWhatAgentsSend() throws Exception {
    Object v =
        HookJson.parse(
            " {\"a\": \"x\\\"y\\\\z\\n\\u00e9\\ud83d\\ude00\", \"n\": -12, \"d\": 1.5e3, \"t\": true, \"f\": false, \"z\": null, \"l\": [1, [], {}]} ");
    Map<?, ?> m = (Map<?, ?>) v;
    assertThat(m.get("a")).isEqualTo("x\"y\\z\né😀");
    assertThat(m.get("n")).isEqualTo(-12L);
    assertThat(m.get("d")).isEqualTo(1500.0);
    assertThat(m.get("t")).isEqualTo(true);
    assertThat(m.get("f")).isEqualTo(false);
    assertThat(m.containsKey("z")).isTrue();
    assertThat((List<?>) m.get("l")).hasSize(3);
  }

  @Test
  void rejectsMalformedInput() {
    for (String bad :
        List.of(
            "", "{", "{\"a\"}", "{\"a\":}", "{\"a\":1,}", "[1,]", "{'a':1}", "{\"a\":1} x", "\"\\x\"", "\"a\nb\"", "tru",
            "01x", "-", "1.", "{\"a\":\"\\u12\"}", "[".repeat(100) + "]".repeat(100))) {
      assertThatThrownBy(() -> HookJson.parse(bad)).as(bad).isInstanceOf(HookJson.Malformed.class).hasMessageStartingWith("malformed JSON");
    }
  }

  @Test
  void writesOneLineThatReadsBack() throws Exception {
    Map<String, Object> m = HookJson.object("s", "a\"b\\c\n\u0001\u2028", "n", 3L, "l", List.of(true, "x"), "z", null);
    String line = HookJson.write(m);
    assertThat(line).doesNotContain("\n").isEqualTo("{\"s\":\"a\\\"b\\\\c\\n\\u0001\\u2028\",\"n\":3,\"l\":[true,\"x\"],\"z\":null}");
    assertThat(HookJson.parse(line)).isEqualTo(m);
  }
}
