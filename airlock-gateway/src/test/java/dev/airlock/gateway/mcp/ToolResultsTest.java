package dev.airlock.gateway.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.gateway.ToolAnswer;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ToolResultsTest {
  @Test
  void theSummaryComesFirstThenTheSameJsonAsTextAndAsStructuredContentInOneOrder() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("decision", "deny");
    data.put("rule", "statement-stacking");
    data.put("reason", "2 statements in one call");
    data.put("rows", List.of(List.of(1, "a"), java.util.Arrays.asList(2, null)));
    CallToolResult r = ToolResults.of(ToolAnswer.refused("refused: 2 statements in one call", data), McpJson.mapper());
    assertThat(r.isError()).isTrue();
    assertThat(r.content()).extracting(c -> ((TextContent) c).text())
        .containsExactly(
            "refused: 2 statements in one call",
            "{\"decision\":\"deny\",\"rule\":\"statement-stacking\",\"reason\":\"2 statements in one call\",\"rows\":[[1,\"a\"],[2,null]]}");
    @SuppressWarnings("unchecked")
    Map<String, Object> structured = (Map<String, Object>) r.structuredContent();
    assertThat(structured.keySet()).containsExactly("decision", "rule", "reason", "rows");
    assertThat(structured.get("rows")).isEqualTo(List.of(List.of(1, "a"), java.util.Arrays.asList(2, null)));
  }

  @Test
  void anAnswerWithoutDataIsAnEmptyObjectAndAnErrorOfOurOwnSaysWhatWentWrong() {
    CallToolResult ok = ToolResults.of(ToolAnswer.ok("3 tables", null), McpJson.mapper());
    assertThat(((TextContent) ok.content().get(1)).text()).isEqualTo("{}");
    assertThat(ok.isError()).isFalse();
    CallToolResult error = ToolResults.error("`sql` is empty");
    assertThat(error.isError()).isTrue();
    assertThat(error.content()).hasSize(1);
    assertThat(error.structuredContent()).isEqualTo(Map.of("error", "`sql` is empty"));
  }
}
