package dev.airlock.gateway.mcp;

import dev.airlock.gateway.Gateway;
import dev.airlock.gateway.ToolAnswer;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The six tools an agent gets, each a thin translation to one {@link Gateway} method. There is
 * deliberately no tool to approve, deny or vote: approval happens outside the agent's reach
 * ({@code airlock approvals}, the console), so an agent can never approve its own request.
 */
final class GatewayTools {
  /** The tool names, in the order tools/list shows them. */
  static final List<String> NAMES = List.of("list_tables", "describe_table", "query", "preview", "execute", "approval_status");

  private GatewayTools() {}

  static List<SyncToolSpecification> specifications(Gateway gateway, McpJsonMapper json) {
    return List.of(
        spec(
            tool("list_tables", "List tables", "Lists the tables this identity may use. Start here, then describe_table.", Map.of(), List.of(), true),
            Set.of(),
            a -> gateway.listTables(),
            json),
        spec(
            tool(
                "describe_table",
                "Describe a table",
                "Columns (name, type, nullable), primary key and foreign keys of one table, to write correct SQL.",
                Map.of("table", string("Table name, optionally schema-qualified: `orders` or `public.orders`.")),
                List.of("table"),
                true),
            Set.of("table"),
            a -> gateway.describeTable(a.text("table", "the table's name, as a string")),
            json),
        spec(
            tool(
                "query",
                "Read with SQL",
                "Runs ONE read-only SQL statement (SELECT, WITH ... SELECT, VALUES) and returns the rows. It runs inside a "
                    + "READ ONLY transaction with a statement timeout and a row cap. Anything that could write or change the "
                    + "session (INSERT/UPDATE/DELETE, writable CTEs, COMMIT, SET, SET ROLE, COPY, DO, side-effecting "
                    + "functions such as dblink) is refused with the reason. Pass values through `params`, not into the SQL text.",
                sqlProperties(false),
                List.of("sql"),
                true),
            Set.of("sql", "params"),
            a -> gateway.query(a.statement(), a.parameters()),
            json),
        spec(
            tool(
                "preview",
                "Dry-run a write",
                "Runs a write (INSERT, UPDATE, DELETE) inside a transaction that is always rolled back and reports what it "
                    + "would do: rows affected per table, a sample of the affected rows, the rules that fired and the locks "
                    + "it took. Nothing is changed. Preview before execute, and read the sample rows.",
                sqlProperties(false),
                List.of("sql"),
                true),
            Set.of("sql", "params"),
            a -> gateway.preview(a.statement(), a.parameters()),
            json),
        spec(
            tool(
                "execute",
                "Run a write",
                "Runs a write as this identity's policy decides: executed at once, denied with the reason, or filed for "
                    + "a human to approve; then the answer is \"pending approval <id>\" and approval_status <id> tells you "
                    + "what happened. You cannot approve a request yourself. Give a `reason` a reviewer can judge.",
                sqlProperties(true),
                List.of("sql", "reason"),
                false),
            Set.of("sql", "params", "reason"),
            a -> gateway.execute(a.statement(), a.parameters(), a.text("reason", "why this write is needed, for the human who approves it")),
            json),
        spec(
            tool(
                "approval_status",
                "Approval status",
                "Where an approval request is: pending, approved, denied (with the reviewer's reason), executed (with the "
                    + "rows it touched) or failed. Once approved, the gateway runs exactly the approved statement.",
                Map.of("id", string("The request id from execute's \"pending approval <id>\" answer.")),
                List.of("id"),
                true),
            Set.of("id"),
            a -> gateway.approvalStatus(a.text("id", "the approval request's id, as a string")),
            json));
  }

  private static SyncToolSpecification spec(Tool tool, Set<String> arguments, Function<ToolArguments, ToolAnswer> call, McpJsonMapper json) {
    return SyncToolSpecification.builder()
        .tool(tool)
        .callHandler((exchange, request) -> answer(tool.name(), arguments, call, request.arguments(), json))
        .build();
  }

  static CallToolResult answer(
      String name, Set<String> arguments, Function<ToolArguments, ToolAnswer> call, Map<String, Object> values, McpJsonMapper json) {
    try {
      return ToolResults.of(call.apply(ToolArguments.of(name, values, arguments)), json);
    } catch (ArgumentException e) {
      return ToolResults.error(e.getMessage());
    } catch (RuntimeException e) {
      String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
      return ToolResults.error(name + " failed inside the gateway: " + m);
    }
  }

  private static Tool tool(
      String name, String title, String description, Map<String, Object> properties, List<String> required, boolean readOnly) {
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "object");
    schema.put("properties", properties);
    if (!required.isEmpty()) {
      schema.put("required", required);
    }
    schema.put("additionalProperties", false);
    return Tool.builder()
        .name(name)
        .title(title)
        .description(description)
        .inputSchema(schema)
        .annotations(
            ToolAnnotations.builder()
                .title(title)
                .readOnlyHint(readOnly)
                .destructiveHint(!readOnly)
                .idempotentHint(readOnly)
                .openWorldHint(false)
                .build())
        .build();
  }

  private static Map<String, Object> sqlProperties(boolean withReason) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put(
        "sql",
        Map.of(
            "type", "string",
            "description", "One SQL statement (PostgreSQL), with $1, $2, ... for parameters.",
            "maxLength", ToolArguments.MAX_STATEMENT_CHARS));
    p.put(
        "params",
        Map.of(
            "type", "array",
            "description", "Values for $1, $2, ... in order.",
            "items", Map.of("type", List.of("string", "number", "boolean", "null"))));
    if (withReason) {
      p.put("reason", string("Why this write is needed; the human who approves it reads this."));
    }
    return p;
  }

  private static Map<String, Object> string(String description) {
    return Map.of("type", "string", "description", description);
  }
}
