package dev.airlock.gateway.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * An approval request as plain JSON values (maps, lists, strings, numbers), with its preview
 * parsed rather than quoted, for {@code airlock approvals --format json} and the agent's
 * {@code approval_status}.
 */
public final class ApprovalJson {
  private ApprovalJson() {}

  public static Map<String, Object> of(ApprovalRequest r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("status", r.status().name().toLowerCase(java.util.Locale.ROOT));
    m.put("created", r.created().toString());
    m.put("identity", r.identity());
    m.put("environment", r.environment());
    m.put("statement", r.statement());
    m.put("parameters", r.parameters());
    m.put("statementHash", r.statementHash());
    m.put("maxRows", r.maxRows());
    m.put("reason", r.reason());
    m.put("ruleIds", r.ruleIds());
    m.put("approvers", r.approvers());
    m.put("approvalsRequired", r.approvalsRequired());
    List<Object> votes = new ArrayList<>();
    for (ApprovalRequest.Vote v : r.votes()) {
      Map<String, Object> vm = new LinkedHashMap<>();
      vm.put("approver", v.approver());
      vm.put("approve", v.approve());
      vm.put("reason", v.reason());
      vm.put("at", v.at().toString());
      votes.add(vm);
    }
    m.put("votes", votes);
    m.put("outcome", r.outcome().orElse(null));
    m.put("preview", preview(r.previewJson()));
    return m;
  }

  /** The preview as JSON values; text that is not JSON stays a string. */
  static Object preview(String json) {
    try {
      return JsonMapper.shared().readValue(json, Object.class);
    } catch (JacksonException e) {
      return json;
    }
  }
}
