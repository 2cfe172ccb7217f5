package dev.airlock.gateway.engine;

import dev.airlock.gateway.ToolAnswer;
import dev.airlock.gateway.sql.Refused;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A tool's answer together with what the audit log records about it.
 *
 * @param decision allow, ask, deny, error, executed, failed, status, ...
 */
public record Result(
    ToolAnswer answer,
    String decision,
    Optional<String> rule,
    Optional<Long> rows,
    Optional<String> requestId,
    Optional<String> approver) {

  public static Result ok(String decision, String summary, Map<String, Object> data) {
    return new Result(
        ToolAnswer.ok(summary, data),
        decision,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  /** A refusal: the agent reads the reason and the rule. */
  public static Result refused(Refused r) {
    return refused(r.rule(), r.reason());
  }

  public static Result refused(String rule, String reason) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("decision", "deny");
    data.put("rule", rule);
    data.put("reason", reason);
    return new Result(
        ToolAnswer.refused("refused: " + reason, data),
        "deny",
        Optional.of(rule),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  /** A failure that is no refusal: the database said no, or the connection went away. */
  public static Result error(String message) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("error", message);
    return new Result(
        ToolAnswer.refused("error: " + message, data),
        "error",
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  public Result withRule(String r) {
    return new Result(answer, decision, Optional.of(r), rows, requestId, approver);
  }

  public Result withRows(long n) {
    return new Result(answer, decision, rule, Optional.of(n), requestId, approver);
  }

  public Result withRequest(String id) {
    return new Result(answer, decision, rule, rows, Optional.of(id), approver);
  }

  public Result withApprover(String a) {
    return new Result(answer, decision, rule, rows, requestId, Optional.of(a));
  }
}
