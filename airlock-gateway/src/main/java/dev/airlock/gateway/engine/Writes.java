package dev.airlock.gateway.engine;

import dev.airlock.core.finding.Finding;
import dev.airlock.core.policy.GatewayPolicy.Group;
import dev.airlock.core.policy.GatewayPolicy.Kind;
import dev.airlock.core.policy.Verdict;
import dev.airlock.gateway.db.Json;
import dev.airlock.gateway.db.Parameters;
import dev.airlock.gateway.db.PlanTargets;
import dev.airlock.gateway.db.Samples;
import dev.airlock.gateway.db.Trial;
import dev.airlock.gateway.policy.RuleFindings;
import dev.airlock.gateway.policy.WriteDecision;
import dev.airlock.gateway.sql.DmlShape;
import dev.airlock.gateway.sql.OneStatement;
import dev.airlock.gateway.sql.ReadGuard;
import dev.airlock.gateway.sql.Refused;
import dev.airlock.gateway.sql.StatementKinds;
import dev.airlock.gateway.sql.WriteGuard;
import dev.airlock.gateway.store.ApprovalRequest;
import dev.airlock.gateway.store.NewRequest;
import dev.airlock.gateway.store.Store;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * preview and execute. A write is parsed, its kind checked against the environment's deny list, its
 * calls against the allow-list, its tables (as the planner resolves them) against the identity's
 * grants, and what Airlock's rules say about it; then it runs in a transaction that a preview
 * always rolls back, and execute commits only when the policy allows it at the rows it really
 * touched. Anything the policy asks about becomes an approval request bound to the exact statement
 * and parameters.
 */
public final class Writes {
  private final Context ctx;
  private final Store store;

  public Writes(Context ctx, Store store) {
    this.ctx = ctx;
    this.store = store;
  }

  /** A statement that passed every check that needs no database. */
  private record Prepared(
      OneStatement statement,
      List<Object> parameters,
      List<Object> values,
      Kind kind,
      List<Finding> findings) {
    boolean dml() {
      return kind.group() == Group.WRITE;
    }

    Optional<String> target() {
      return DmlShape.of(statement).map(DmlShape::table);
    }
  }

  private Prepared prepare(String sql, List<Object> parameters) throws Refused {
    OneStatement st = OneStatement.parse(sql);
    List<Object> checked = Parameters.check(parameters);
    List<Object> values = st.bind(checked);
    if (ReadGuard.check(sql, ctx.functions()).isEmpty()) {
      throw new Refused("gateway.read", "this statement only reads; run it with query");
    }
    Kind kind = StatementKinds.of(st);
    Optional<WriteDecision> denied = ctx.judge().kind(kind, st.head());
    if (denied.isPresent()) {
      throw new Refused(denied.get().rule(), denied.get().reason());
    }
    if (kind.group() == Group.WRITE) {
      WriteGuard.require(st, ctx.functions());
    }
    return new Prepared(st, checked, values, kind, RuleFindings.of(st.text()));
  }

  public Result preview(String sql, List<Object> parameters) throws SQLException, Refused {
    Prepared p = prepare(sql, parameters);
    if (!p.dml()) {
      throw new Refused(
          "gateway.no-dry-run",
          "`"
              + p.statement().head()
              + "` is a "
              + p.kind().id()
              + " statement; the gateway dry-runs only INSERT, UPDATE, DELETE and MERGE (execute files it for approval)");
    }
    return ctx.db()
        .write(
            c -> {
              List<PlanTargets.Relation> relations = PlanTargets.of(c, p.statement(), p.values());
              WriteDecision d = ctx.judge().tables(relations);
              if (d.verdict() == Verdict.DENY) {
                throw new Refused(d.rule(), d.reason());
              }
              Optional<Trial.SampleQuery> sample =
                  Samples.of(c, p.statement(), p.parameters(), Context.SAMPLE_ROWS);
              Trial.Outcome o =
                  Trial.run(c, p.statement(), p.values(), sample, Context.SAMPLE_ROWS);
              c.rollback();
              d =
                  d.max(ctx.judge().findings(p.findings()))
                      .max(ctx.judge().rows(p.kind(), relations, o.totalRows()));
              Map<String, Object> data =
                  Previews.of(p.statement().text(), p.target(), o, p.findings(), d);
              String summary =
                  "preview, rolled back: would touch "
                      + Previews.rows(o)
                      + "; execute would "
                      + would(d);
              return Result.ok("preview", summary, data).withRows(o.totalRows()).withRule(d.rule());
            });
  }

  public Result execute(String sql, List<Object> parameters, String reason)
      throws SQLException, Refused {
    Prepared p = prepare(sql, parameters);
    String why = reason == null || reason.isBlank() ? "(no reason given)" : reason.strip();
    if (!p.dml()) {
      WriteDecision d = ctx.judge().notDml(p.kind(), p.statement().head());
      return file(p, 0, Previews.notRun(p.statement().text(), p.findings(), d), d, why);
    }
    return ctx.db()
        .write(
            c -> {
              List<PlanTargets.Relation> relations = PlanTargets.of(c, p.statement(), p.values());
              WriteDecision d =
                  ctx.judge().tables(relations).max(ctx.judge().findings(p.findings()));
              if (d.verdict() == Verdict.DENY) {
                throw new Refused(d.rule(), d.reason());
              }
              Optional<Trial.SampleQuery> sample =
                  Samples.of(c, p.statement(), p.parameters(), Context.SAMPLE_ROWS);
              Trial.Outcome o =
                  Trial.run(c, p.statement(), p.values(), sample, Context.SAMPLE_ROWS);
              d = d.max(ctx.judge().rows(p.kind(), relations, o.totalRows()));
              if (d.verdict() == Verdict.ALLOW) {
                c.commit();
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("decision", "executed");
                data.put("totalRows", o.totalRows());
                data.put("rowsPerTable", o.tables().stream().map(Trial.TableRows::toMap).toList());
                o.returning().ifPresent(r -> data.put("returning", r.toMap()));
                return Result.ok("executed", "executed: " + Previews.rows(o), data)
                    .withRows(o.totalRows())
                    .withRule(d.rule());
              }
              c.rollback();
              return file(
                  p,
                  o.totalRows(),
                  Previews.of(p.statement().text(), p.target(), o, p.findings(), d),
                  d,
                  why);
            });
  }

  /** Files an approval request for exactly this statement and these parameters. */
  private Result file(
      Prepared p, long maxRows, Map<String, Object> preview, WriteDecision d, String reason) {
    Set<String> rules = new LinkedHashSet<>();
    rules.add(d.rule());
    p.findings().forEach(f -> rules.add(f.rule().id()));
    var r = ctx.judge().rules();
    ApprovalRequest request =
        store.create(
            new NewRequest(
                ctx.identity(),
                ctx.environment(),
                p.statement().text(),
                Parameters.encode(p.parameters()),
                maxRows,
                Json.write(preview),
                reason,
                new ArrayList<>(rules),
                r.approvers(),
                r.approvals()));
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("decision", "ask");
    data.put("requestId", request.id());
    data.put("status", "pending");
    data.put("rule", d.rule());
    data.put("reason", d.reason());
    data.put("approvalsRequired", request.approvalsRequired());
    data.put("approvers", request.approvers());
    data.put("maxRows", maxRows);
    data.put("preview", preview);
    String summary =
        "pending approval "
            + request.id()
            + ": "
            + d.reason()
            + ". A person must approve it ("
            + request.approvalsRequired()
            + (request.approvalsRequired() == 1 ? " approval" : " approvals")
            + "); approval_status "
            + request.id()
            + " tells you what happened";
    return Result.ok("ask", summary, data)
        .withRule(d.rule())
        .withRows(maxRows)
        .withRequest(request.id());
  }

  private static String would(WriteDecision d) {
    return switch (d.verdict()) {
      case ALLOW -> "run it at once";
      case ASK -> "file it for approval (" + d.rule() + ": " + d.reason() + ")";
      case DENY -> "refuse it (" + d.reason() + ")";
    };
  }
}
