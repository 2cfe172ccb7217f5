package dev.airlock.gateway.engine;

import dev.airlock.core.policy.GatewayPolicy.Group;
import dev.airlock.core.policy.GatewayPolicy.Kind;
import dev.airlock.core.policy.Verdict;
import dev.airlock.gateway.db.Parameters;
import dev.airlock.gateway.db.PlanTargets;
import dev.airlock.gateway.db.Trial;
import dev.airlock.gateway.policy.WriteDecision;
import dev.airlock.gateway.sql.OneStatement;
import dev.airlock.gateway.sql.Refused;
import dev.airlock.gateway.sql.StatementKinds;
import dev.airlock.gateway.sql.WriteGuard;
import dev.airlock.gateway.store.ApprovalRequest;
import dev.airlock.gateway.store.ApprovalRequest.Status;
import dev.airlock.gateway.store.StatementHash;
import dev.airlock.gateway.store.Store;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * approval_status and the execution of approved requests. An approved request runs once ({@link
 * Store#claim}), as exactly the stored statement with exactly the stored parameters, and only if
 * their hash still matches the one approved; in a transaction that is rolled back when it touches
 * more rows than were approved, or when the policy now denies it.
 */
public final class Approvals {
  private final Context ctx;
  private final Store store;

  public Approvals(Context ctx, Store store) {
    this.ctx = ctx;
    this.store = store;
  }

  /** Where a request is; an approved request of this gateway's identity runs now. */
  public Result status(String id) throws Refused {
    String key = id == null ? "" : id.strip();
    ApprovalRequest r =
        store
            .find(key)
            .orElseThrow(
                () -> new Refused("gateway.no-such-request", "no approval request `" + key + "`"));
    if (!r.identity().equals(ctx.identity())) {
      throw new Refused(
          "gateway.no-such-request", "approval request `" + key + "` belongs to another identity");
    }
    if (r.status() == Status.APPROVED && mine(r)) {
      return run(r);
    }
    return describe(r);
  }

  /** The approved requests of this identity and environment, each run once. */
  public List<ApprovalRequest> approved() {
    return store.list(Optional.of(Status.APPROVED)).stream().filter(this::mine).toList();
  }

  private boolean mine(ApprovalRequest r) {
    return r.identity().equals(ctx.identity()) && r.environment().equals(ctx.environment());
  }

  /** Claims and runs one approved request; the answer says what happened. */
  public Result run(ApprovalRequest r) {
    if (!store.claim(r.id())) {
      return describe(store.find(r.id()).orElse(r)); // another gateway got there first
    }
    String outcome;
    boolean executed = false;
    long rows = 0;
    try {
      Trial.Outcome o = execute(r);
      rows = o.totalRows();
      executed = true;
      outcome = "executed: " + Previews.rows(o);
    } catch (Refused e) {
      outcome = "not executed: " + e.reason();
    } catch (SQLException e) {
      outcome = "failed: " + Audited.database(e);
    } catch (RuntimeException e) {
      outcome =
          "failed: "
              + (e.getMessage() == null
                  ? e.getClass().getSimpleName()
                  : e.getMessage().lines().findFirst().orElse(""));
    }
    store.finish(r.id(), executed, outcome);
    ApprovalRequest now = store.find(r.id()).orElse(r);
    Result d = describe(now);
    return new Result(
        d.answer(),
        executed ? "executed" : "failed",
        Optional.of(executed ? "gateway.approved" : "gateway.not-executed"),
        Optional.of(rows),
        Optional.of(r.id()),
        approvers(now));
  }

  private Trial.Outcome execute(ApprovalRequest r) throws Refused, SQLException {
    if (!StatementHash.of(r.statement(), r.parameters()).equals(r.statementHash())) {
      throw new Refused(
          "gateway.hash-mismatch",
          "the statement or its parameters are not the ones approved (hash mismatch)");
    }
    OneStatement st = OneStatement.parse(r.statement());
    List<Object> values = st.bind(Parameters.decode(r.parameters()));
    Kind kind = StatementKinds.of(st);
    Optional<WriteDecision> denied = ctx.judge().kind(kind, st.head());
    if (denied.isPresent()) {
      throw new Refused(denied.get().rule(), "the policy now denies it: " + denied.get().reason());
    }
    boolean dml = kind.group() == Group.WRITE;
    if (dml) {
      WriteGuard.require(st, ctx.functions());
    }
    return ctx.db()
        .write(
            c -> {
              if (!dml) {
                try (PreparedStatement ps = c.prepareStatement(st.sql())) {
                  Parameters.bind(ps, values);
                  ps.execute();
                }
                c.commit();
                return new Trial.Outcome(
                    List.of(), 0, Optional.empty(), Optional.empty(), List.of());
              }
              WriteDecision tables = ctx.judge().tables(PlanTargets.of(c, st, values));
              if (tables.verdict() == Verdict.DENY) {
                throw new Refused(tables.rule(), "the policy now denies it: " + tables.reason());
              }
              Trial.Outcome o = Trial.run(c, st, values, Optional.empty(), Context.SAMPLE_ROWS);
              if (o.totalRows() > r.maxRows()) {
                c.rollback();
                throw new Refused(
                    "gateway.more-rows-than-approved",
                    "it touched "
                        + o.totalRows()
                        + " rows, more than the "
                        + r.maxRows()
                        + " approved; rolled back, nothing changed");
              }
              c.commit();
              return o;
            });
  }

  private Result describe(ApprovalRequest r) {
    long approvals = r.votes().stream().filter(ApprovalRequest.Vote::approve).count();
    String summary =
        switch (r.status()) {
          case PENDING ->
              "pending approval "
                  + r.id()
                  + ": "
                  + approvals
                  + " of "
                  + r.approvalsRequired()
                  + " approvals so far";
          case APPROVED -> "approved " + r.id() + "; it runs within seconds";
          case EXECUTING -> "approved " + r.id() + " is running now";
          case DENIED -> "denied " + r.id() + denial(r);
          case EXECUTED, FAILED ->
              r.outcome().orElse(r.status().name().toLowerCase(Locale.ROOT))
                  + " (request "
                  + r.id()
                  + ")";
        };
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("requestId", r.id());
    data.put("status", r.status().name().toLowerCase(Locale.ROOT));
    data.put("statement", r.statement());
    data.put("created", r.created().toString());
    data.put("approvalsRequired", r.approvalsRequired());
    data.put("approvals", approvals);
    data.put(
        "votes",
        r.votes().stream()
            .map(
                v -> {
                  Map<String, Object> m = new LinkedHashMap<>();
                  m.put("approver", v.approver());
                  m.put("approve", v.approve());
                  m.put("reason", v.reason());
                  m.put("at", v.at().toString());
                  return m;
                })
            .toList());
    data.put("maxRows", r.maxRows());
    r.outcome().ifPresent(o -> data.put("outcome", o));
    Result out = Result.ok("status", summary, data).withRequest(r.id());
    return approvers(r).map(out::withApprover).orElse(out);
  }

  private static String denial(ApprovalRequest r) {
    return r.votes().stream()
        .filter(v -> !v.approve())
        .findFirst()
        .map(v -> " by " + v.approver() + (v.reason().isBlank() ? "" : ": " + v.reason()))
        .orElse("");
  }

  private static Optional<String> approvers(ApprovalRequest r) {
    String names =
        r.votes().stream()
            .filter(ApprovalRequest.Vote::approve)
            .map(ApprovalRequest.Vote::approver)
            .collect(Collectors.joining(","));
    return names.isEmpty() ? Optional.empty() : Optional.of(names);
  }
}
