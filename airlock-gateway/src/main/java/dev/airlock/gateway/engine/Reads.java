package dev.airlock.gateway.engine;

import dev.airlock.core.policy.GatewayPolicy.Access;
import dev.airlock.core.policy.GatewayPolicy.Verb;
import dev.airlock.core.policy.Verdict;
import dev.airlock.gateway.db.Catalog;
import dev.airlock.gateway.db.Parameters;
import dev.airlock.gateway.db.PlanTargets;
import dev.airlock.gateway.db.ResultRows;
import dev.airlock.gateway.policy.WriteDecision;
import dev.airlock.gateway.sql.OneStatement;
import dev.airlock.gateway.sql.ReadGuard;
import dev.airlock.gateway.sql.Refused;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** list_tables, describe_table and query: everything an agent may learn without writing. */
public final class Reads {
  private final Context ctx;

  public Reads(Context ctx) {
    this.ctx = ctx;
  }

  public Result listTables() throws SQLException, Refused {
    List<Catalog.Table> tables = ctx.db().read(Catalog::tables);
    List<Map<String, Object>> shown = new ArrayList<>();
    for (Catalog.Table t : tables) {
      if (ctx.judge().rules().access(Verb.SELECT, t.schema(), t.name()) == Access.ALLOW) {
        shown.add(t.toMap());
      }
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("tables", shown);
    data.put("environment", ctx.environment());
    return Result.ok(
            "allow",
            shown.size() + " table" + (shown.size() == 1 ? "" : "s") + " this identity may read",
            data)
        .withRows(shown.size());
  }

  public Result describeTable(String name) throws SQLException, Refused {
    if (name == null || name.isBlank()) {
      throw new Refused("gateway.no-such-table", "no table name given");
    }
    return ctx.db()
        .read(
            c -> {
              Optional<Catalog.Table> found = Catalog.resolve(c, name.strip());
              if (found.isEmpty()
                  || ctx.judge()
                          .rules()
                          .access(Verb.SELECT, found.get().schema(), found.get().name())
                      != Access.ALLOW) {
                throw new Refused(
                    "gateway.no-such-table",
                    "no table `"
                        + name.strip()
                        + "` that `"
                        + ctx.identity()
                        + "` may read (list_tables shows them)");
              }
              Catalog.Table t = found.get();
              List<Map<String, Object>> columns = new ArrayList<>();
              for (Catalog.Column col : Catalog.columns(c, t.oid())) {
                columns.add(col.toMap());
              }
              List<String> key = Catalog.primaryKey(c, t.oid());
              Map<String, Object> data = new LinkedHashMap<>(t.toMap());
              data.put("columns", columns);
              data.put("primaryKey", key);
              data.put("foreignKeys", Catalog.foreignKeys(c, t.oid()));
              data.put("referencedBy", Catalog.referencedBy(c, t.oid()));
              String summary =
                  t.qualified()
                      + ": "
                      + columns.size()
                      + " column"
                      + (columns.size() == 1 ? "" : "s")
                      + (key.isEmpty()
                          ? ", no primary key"
                          : ", primary key (" + String.join(", ", key) + ")");
              return Result.ok("allow", summary, data);
            });
  }

  public Result query(String sql, List<Object> parameters) throws SQLException, Refused {
    OneStatement st = OneStatement.parse(sql);
    List<Object> values = st.bind(Parameters.check(parameters));
    ReadGuard.require(st, ctx.functions());
    boolean checkTables =
        !ctx.judge().rules().readsEverything() || ReadGuard.mentions(st, "airlock");
    ResultRows rows =
        ctx.db()
            .read(
                c -> {
                  if (checkTables) {
                    Optional<OneStatement.Segment> planned = ReadGuard.planned(st);
                    if (planned.isPresent()) {
                      WriteDecision d =
                          ctx.judge()
                              .reads(
                                  PlanTargets.of(
                                      c, planned.get().sql(), st.bind(parameters, planned.get())));
                      if (d.verdict() != Verdict.ALLOW) {
                        throw new Refused(d.rule(), d.reason());
                      }
                    }
                  }
                  try (PreparedStatement ps = c.prepareStatement(st.sql())) {
                    ps.setMaxRows(ctx.settings().rowCap() + 1);
                    Parameters.bind(ps, values);
                    try (ResultSet rs = ps.executeQuery()) {
                      return ResultRows.read(rs, ctx.settings().rowCap());
                    }
                  }
                });
    int n = rows.rows().size();
    String summary =
        n
            + " row"
            + (n == 1 ? "" : "s")
            + (rows.truncated()
                ? " (capped at "
                    + ctx.settings().rowCap()
                    + "; narrow the WHERE or add LIMIT to see the rest)"
                : "");
    return Result.ok("allow", summary, rows.toMap()).withRows(n);
  }
}
