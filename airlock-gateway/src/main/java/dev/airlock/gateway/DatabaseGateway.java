package dev.airlock.gateway;

import dev.airlock.core.policy.GatewayPolicy;
import dev.airlock.db.DbException;
import dev.airlock.db.env.Environment;
import dev.airlock.gateway.db.DatabaseSession;
import dev.airlock.gateway.engine.Approvals;
import dev.airlock.gateway.engine.Audited;
import dev.airlock.gateway.engine.Context;
import dev.airlock.gateway.engine.Reads;
import dev.airlock.gateway.engine.Writes;
import dev.airlock.gateway.policy.Judge;
import dev.airlock.gateway.sql.AllowedFunctions;
import dev.airlock.gateway.store.ApprovalRequest;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The gateway between an agent and one PostgreSQL database: every tool of {@link Gateway}, for one
 * identity, under that identity's policy in one environment, each call appended to the store's
 * audit log. Calls are serialised over one connection (an agent works one call at a time); {@link
 * #executeApproved()} runs approved requests in between.
 *
 * <p>Start with {@link #open(GatewaySettings)}. The reads are in {@link Reads}, the writes in
 * {@link Writes}, approvals in {@link Approvals}.
 */
public final class DatabaseGateway implements Gateway {
  private final DatabaseSession db;
  private final Context ctx;
  private final Audited audit;
  private final Reads reads;
  private final Writes writes;
  private final Approvals approvals;
  private final ReentrantLock lock = new ReentrantLock();

  private DatabaseGateway(DatabaseSession db, Context ctx, GatewaySettings settings) {
    this.db = db;
    this.ctx = ctx;
    this.audit = new Audited(settings.store(), settings.identity());
    this.reads = new Reads(ctx);
    this.writes = new Writes(ctx, settings.store());
    this.approvals = new Approvals(ctx, settings.store());
  }

  /**
   * Connects and resolves the identity's rules. Throws {@link DbException} (a bad URL, an
   * unreachable server, a wrong password: one line, no password) or {@link
   * dev.airlock.core.policy.ConfigException} (an identity the policy does not list).
   */
  public static DatabaseGateway open(GatewaySettings settings) {
    DatabaseSession db = DatabaseSession.open(settings.dbUrl(), settings.statementTimeout());
    try {
      String environment = settings.environment().orElseGet(() -> label(db).orElse("default"));
      GatewayPolicy.Rules rules = settings.policy().rulesFor(settings.identity(), environment);
      Context ctx =
          new Context(
              settings,
              db,
              new Judge(rules),
              AllowedFunctions.with(rules.functions()),
              environment);
      return new DatabaseGateway(db, ctx, settings);
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
  }

  private static Optional<String> label(DatabaseSession db) {
    try {
      return db.read(Environment::read);
    } catch (Exception e) {
      return Optional.empty(); // no label readable: the policy's rules for `default` apply
    }
  }

  /**
   * The environment whose rules apply: from the settings, the database's label, or {@code default}.
   */
  public String environment() {
    return ctx.environment();
  }

  @Override
  public ToolAnswer listTables() {
    return locked(() -> audit.call("list_tables", Optional.empty(), reads::listTables));
  }

  @Override
  public ToolAnswer describeTable(String table) {
    return locked(
        () ->
            audit.call(
                "describe_table", Optional.ofNullable(table), () -> reads.describeTable(table)));
  }

  @Override
  public ToolAnswer query(String sql, List<Object> parameters) {
    return locked(
        () ->
            audit.call(
                "query", Optional.ofNullable(sql), () -> reads.query(sql, orEmpty(parameters))));
  }

  @Override
  public ToolAnswer preview(String sql, List<Object> parameters) {
    return locked(
        () ->
            audit.call(
                "preview",
                Optional.ofNullable(sql),
                () -> writes.preview(sql, orEmpty(parameters))));
  }

  @Override
  public ToolAnswer execute(String sql, List<Object> parameters, String reason) {
    return locked(
        () ->
            audit.call(
                "execute",
                Optional.ofNullable(sql),
                () -> writes.execute(sql, orEmpty(parameters), reason)));
  }

  @Override
  public ToolAnswer approvalStatus(String requestId) {
    return locked(
        () -> audit.call("approval_status", Optional.empty(), () -> approvals.status(requestId)));
  }

  /**
   * Runs every approved request of this identity and environment that nobody has run yet; the
   * server calls it every second. Returns what happened to each, as approval_status would say.
   */
  public List<ToolAnswer> executeApproved() {
    return locked(
        () ->
            approvals.approved().stream()
                .map(
                    (ApprovalRequest r) ->
                        audit.call(
                            "execute_approved", Optional.of(r.statement()), () -> approvals.run(r)))
                .toList());
  }

  private <T> T locked(java.util.function.Supplier<T> call) {
    lock.lock();
    try {
      return call.get();
    } finally {
      lock.unlock();
    }
  }

  private static List<Object> orEmpty(List<Object> parameters) {
    return parameters == null ? List.of() : parameters;
  }

  @Override
  public void close() {
    locked(
        () -> {
          db.close();
          return null;
        });
  }
}
