package dev.airlock.gateway.store;

import dev.airlock.gateway.store.ApprovalRequest.Status;
import dev.airlock.gateway.store.ApprovalRequest.Vote;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The store on SQLite or PostgreSQL: the same SQL on both, with {@link Dialect} for where the
 * tables live and how a write transaction locks. Every write is one transaction that first takes
 * the lock it needs (the request row, the audit head), so two processes or gateways never both
 * approve past a deny, execute one request twice or fork the audit chain.
 */
final class JdbcStore implements Store {
  private static final JsonMapper JSON = JsonMapper.shared();
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
  private static final String REQUEST_COLUMNS =
      "id, created, identity, environment, statement, parameters, statement_hash, max_rows, preview_json, reason, "
          + "rule_ids, approvers, approvals_required, status, outcome";
  private static final String AUDIT_COLUMNS =
      "sequence, time, identity, tool, statement, decision, rule_id, row_count, approver, request_id, millis, detail, "
          + "previous_hash, hash";

  private final String name;
  private final Dialect dialect;
  private final Pool pool;
  private final Clock clock;
  private final String requests;
  private final String votes;
  private final String audit;
  private final String head;

  JdbcStore(String name, Dialect dialect, Pool pool, Clock clock) {
    this.name = name;
    this.dialect = dialect;
    this.pool = pool;
    this.clock = clock;
    this.requests = dialect.table("requests");
    this.votes = dialect.table("votes");
    this.audit = dialect.table("audit");
    this.head = dialect.table("audit_head");
  }

  /** Work on one connection; SQLException is the only failure it expects. */
  private interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /** Runs without a transaction of its own: a read, or one self-contained UPDATE. */
  private <T> T autoCommit(Work<T> work) {
    Connection c = borrow();
    boolean broken = false;
    try {
      return work.run(c);
    } catch (SQLException e) {
      broken = true;
      throw failure(e);
    } finally {
      pool.release(c, broken);
    }
  }

  /** Runs in one write transaction; anything thrown rolls it back. */
  private <T> T transaction(Work<T> work) {
    return transaction(work, false);
  }

  private <T> T transaction(Work<T> work, boolean readOnly) {
    Connection c = borrow();
    boolean broken = false;
    try {
      if (readOnly) {
        dialect.beginRead(c);
      } else {
        dialect.begin(c);
      }
      T result = work.run(c);
      dialect.commit(c);
      return result;
    } catch (SQLException e) {
      rollback(c);
      broken = true;
      throw failure(e);
    } catch (RuntimeException e) {
      broken = !rollback(c);
      throw e;
    } finally {
      pool.release(c, broken);
    }
  }

  private boolean rollback(Connection c) {
    try {
      dialect.rollback(c);
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  private Connection borrow() {
    try {
      return pool.borrow();
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  private StoreException failure(SQLException e) {
    String m = String.valueOf(e.getMessage());
    if (m.contains("SQLITE_BUSY") || m.contains("database is locked")) {
      return new StoreException("the store " + name + " stayed locked by another airlock process for too long", e);
    }
    return new StoreException("store " + name + ": " + m.lines().findFirst().orElse(m).trim(), e);
  }

  @Override
  public ApprovalRequest create(NewRequest r) {
    if (r.approvalsRequired() < 1) {
      throw new IllegalArgumentException("approvalsRequired must be at least 1, not " + r.approvalsRequired());
    }
    if (r.maxRows() < 0) {
      throw new IllegalArgumentException("maxRows must not be negative, not " + r.maxRows());
    }
    String id = Ids.newRequestId();
    Instant created = Instant.ofEpochMilli(clock.millis());
    String hash = StatementHash.of(r.statement(), r.parameters());
    transaction(
        c -> {
          // ordinal orders requests filed in the same millisecond; a tie between two gateways is harmless
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO " + requests + " (ordinal, " + REQUEST_COLUMNS + ") SELECT COALESCE(MAX(ordinal), 0) + 1, "
                      + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM " + requests)) {
            ps.setString(1, id);
            ps.setLong(2, created.toEpochMilli());
            ps.setString(3, r.identity());
            ps.setString(4, r.environment());
            ps.setString(5, r.statement());
            ps.setString(6, CanonicalJson.write(r.parameters()));
            ps.setString(7, hash);
            ps.setLong(8, r.maxRows());
            ps.setString(9, r.previewJson());
            ps.setString(10, r.reason());
            ps.setString(11, CanonicalJson.write(r.ruleIds()));
            ps.setString(12, CanonicalJson.write(r.approvers()));
            ps.setInt(13, r.approvalsRequired());
            ps.setString(14, Status.PENDING.name());
            ps.setNull(15, Types.VARCHAR);
            ps.executeUpdate();
          }
          return null;
        });
    return new ApprovalRequest(
        id, created, r.identity(), r.environment(), r.statement(), r.parameters(), hash, r.maxRows(), r.previewJson(), r.reason(),
        r.ruleIds(), r.approvers(), r.approvalsRequired(), Status.PENDING, List.of(), Optional.empty());
  }

  @Override
  public Optional<ApprovalRequest> find(String id) {
    return autoCommit(c -> load(c, id, false));
  }

  @Override
  public List<ApprovalRequest> list(Optional<Status> status) {
    return autoCommit(
        c -> {
          String where = status.isPresent() ? " WHERE status = ?" : "";
          List<ApprovalRequest> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement("SELECT " + REQUEST_COLUMNS + " FROM " + requests + where + " ORDER BY ordinal DESC")) {
            if (status.isPresent()) {
              ps.setString(1, status.get().name());
            }
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(request(rs, List.of()));
              }
            }
          }
          List<ApprovalRequest> withVotes = new ArrayList<>(out.size());
          for (ApprovalRequest r : out) {
            withVotes.add(withVotes(r, votes(c, r.id())));
          }
          return withVotes;
        });
  }

  @Override
  public ApprovalRequest vote(String id, String approver, boolean approve, String reason) {
    String who = approver == null ? "" : approver.trim();
    try {
      return transaction(
          c -> {
            ApprovalRequest r = load(c, id, true).orElseThrow(() -> new Refusal("no approval request " + id, null));
            refusal(r, who, reason).ifPresent(m -> {
              throw new Refusal(m, r);
            });
            try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO " + votes + " (request_id, approver, approve, reason, at) VALUES (?, ?, ?, ?, ?)")) {
              ps.setString(1, id);
              ps.setString(2, who);
              ps.setBoolean(3, approve);
              ps.setString(4, reason.trim());
              ps.setLong(5, clock.millis());
              ps.executeUpdate();
            }
            long approvals = r.votes().stream().filter(Vote::approve).count() + (approve ? 1 : 0);
            Status next = !approve ? Status.DENIED : approvals >= r.approvalsRequired() ? Status.APPROVED : Status.PENDING;
            if (next != Status.PENDING) {
              try (PreparedStatement ps = c.prepareStatement("UPDATE " + requests + " SET status = ? WHERE id = ? AND status = ?")) {
                ps.setString(1, next.name());
                ps.setString(2, id);
                ps.setString(3, Status.PENDING.name());
                ps.executeUpdate();
              }
            }
            String progress = next == Status.DENIED ? "" : " (approval " + approvals + " of " + r.approvalsRequired() + ")";
            appendIn(c, voteEvent(r, who, approve, next.name().toLowerCase(Locale.ROOT), reason.trim() + progress));
            return load(c, id, false).orElseThrow();
          });
    } catch (Refusal e) {
      if (e.request != null) {
        // a refused vote (an agent trying to approve its own request) is worth a line in the log
        append(voteEvent(e.request, who, approve, "refused", e.getMessage()));
      }
      throw new IllegalStateException(e.getMessage());
    }
  }

  private static Optional<String> refusal(ApprovalRequest r, String who, String reason) {
    if (who.isEmpty()) {
      return Optional.of("an approver name is required to vote on " + r.id());
    }
    if (r.status() != Status.PENDING) {
      return Optional.of(r.id() + " is " + r.status().name().toLowerCase(Locale.ROOT) + ": only a pending request takes votes");
    }
    if (same(who, r.identity())) {
      return Optional.of(who + " asked for " + r.id() + " and cannot approve or deny it (the requester never approves)");
    }
    if (!r.approvers().isEmpty() && r.approvers().stream().noneMatch(a -> same(a, who))) {
      return Optional.of(who + " is not an approver of " + r.id() + " (approvers: " + String.join(", ", r.approvers()) + ")");
    }
    if (r.votes().stream().anyMatch(v -> same(v.approver(), who))) {
      return Optional.of(who + " has already voted on " + r.id());
    }
    if (reason == null || reason.isBlank()) {
      return Optional.of("a reason is required to approve or deny " + r.id());
    }
    return Optional.empty();
  }

  /** Names compare without case, so "Alice" and "alice" are one person, never two approvals. */
  private static boolean same(String a, String b) {
    return a.trim().toLowerCase(Locale.ROOT).equals(b.trim().toLowerCase(Locale.ROOT));
  }

  private static AuditEvent voteEvent(ApprovalRequest r, String who, boolean approve, String decision, String detail) {
    return new AuditEvent(
        r.identity(), approve ? "approve" : "deny", Optional.of(r.statement()), decision, r.ruleIds().stream().findFirst(),
        Optional.of(r.maxRows()), Optional.of(who), Optional.of(r.id()), 0, detail);
  }

  /** A vote the state machine refuses; carries the request so the refusal can be audited. */
  private static final class Refusal extends IllegalStateException {
    private static final long serialVersionUID = 1L;
    private final transient ApprovalRequest request;

    Refusal(String message, ApprovalRequest request) {
      super(message);
      this.request = request;
    }
  }

  @Override
  public boolean claim(String id) {
    return autoCommit(
        c -> {
          try (PreparedStatement ps = c.prepareStatement("UPDATE " + requests + " SET status = ? WHERE id = ? AND status = ?")) {
            ps.setString(1, Status.EXECUTING.name());
            ps.setString(2, id);
            ps.setString(3, Status.APPROVED.name());
            return ps.executeUpdate() == 1;
          }
        });
  }

  @Override
  public void finish(String id, boolean executed, String outcome) {
    int updated =
        autoCommit(
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement("UPDATE " + requests + " SET status = ?, outcome = ? WHERE id = ? AND status = ?")) {
                ps.setString(1, (executed ? Status.EXECUTED : Status.FAILED).name());
                ps.setString(2, outcome);
                ps.setString(3, id);
                ps.setString(4, Status.EXECUTING.name());
                return ps.executeUpdate();
              }
            });
    if (updated != 1) {
      String now = find(id).map(r -> "it is " + r.status().name().toLowerCase(Locale.ROOT)).orElse("there is no such request");
      throw new IllegalStateException("cannot finish " + id + ": " + now + ", not executing");
    }
  }

  @Override
  public AuditEntry append(AuditEvent event) {
    return transaction(c -> appendIn(c, event));
  }

  /** Appends inside the caller's transaction, after locking the head of the chain. */
  private AuditEntry appendIn(Connection c, AuditEvent e) throws SQLException {
    long last;
    String previous;
    try (PreparedStatement ps = c.prepareStatement("SELECT sequence, hash FROM " + head + " WHERE id = 1" + dialect.forUpdate());
        ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        throw new SQLException("the audit head row is missing from " + head);
      }
      last = rs.getLong(1);
      previous = rs.getString(2);
    }
    long sequence = last + 1;
    long time = clock.millis();
    String hash = AuditJson.hash(previous, sequence, time, e);
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO " + audit + " (" + AUDIT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setLong(1, sequence);
      ps.setLong(2, time);
      ps.setString(3, e.identity());
      ps.setString(4, e.tool());
      ps.setString(5, e.statement().orElse(null));
      ps.setString(6, e.decision());
      ps.setString(7, e.ruleId().orElse(null));
      if (e.rows().isPresent()) {
        ps.setLong(8, e.rows().get());
      } else {
        ps.setNull(8, Types.BIGINT);
      }
      ps.setString(9, e.approver().orElse(null));
      ps.setString(10, e.requestId().orElse(null));
      ps.setLong(11, e.millis());
      ps.setString(12, e.detail());
      ps.setString(13, previous);
      ps.setString(14, hash);
      ps.executeUpdate();
    }
    try (PreparedStatement ps = c.prepareStatement("UPDATE " + head + " SET sequence = ?, hash = ? WHERE id = 1")) {
      ps.setLong(1, sequence);
      ps.setString(2, hash);
      ps.executeUpdate();
    }
    return new AuditEntry(sequence, Instant.ofEpochMilli(time), e, previous, hash);
  }

  @Override
  public List<AuditEntry> audit(AuditFilter filter) {
    return autoCommit(
        c -> {
          List<String> conditions = new ArrayList<>();
          List<String> values = new ArrayList<>();
          filter.identity().ifPresent(v -> add(conditions, values, "identity", v));
          filter.tool().ifPresent(v -> add(conditions, values, "tool", v));
          filter.decision().ifPresent(v -> add(conditions, values, "decision", v));
          String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
          List<AuditEntry> out = new ArrayList<>();
          // the newest `limit` entries, returned oldest first
          try (PreparedStatement ps =
              c.prepareStatement("SELECT " + AUDIT_COLUMNS + " FROM " + audit + where + " ORDER BY sequence DESC LIMIT ?")) {
            for (int i = 0; i < values.size(); i++) {
              ps.setString(i + 1, values.get(i));
            }
            ps.setInt(values.size() + 1, Math.max(0, filter.limit()));
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(entry(rs));
              }
            }
          }
          Collections.reverse(out);
          return out;
        });
  }

  private static void add(List<String> conditions, List<String> values, String column, String value) {
    conditions.add(column + " = ?");
    values.add(value);
  }

  @Override
  public AuditVerification verifyAudit() {
    return transaction(
        c -> {
          long headSequence;
          String headHash;
          // one snapshot: the head and the entries it covers, whatever is appended meanwhile
          try (PreparedStatement ps = c.prepareStatement("SELECT sequence, hash FROM " + head + " WHERE id = 1");
              ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
              return new AuditVerification(0, Optional.of(1L), Optional.of("the head of the chain is missing (deleted?)"));
            }
            headSequence = rs.getLong(1);
            headHash = rs.getString(2);
          }
          AuditChainWalk walk = new AuditChainWalk();
          try (PreparedStatement ps =
              c.prepareStatement("SELECT " + AUDIT_COLUMNS + " FROM " + audit + " WHERE sequence <= ? ORDER BY sequence")) {
            ps.setLong(1, headSequence);
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next() && walk.accept(entry(rs))) {
                // each entry is checked as it streams past
              }
            }
          }
          return walk.finish(headSequence, headHash);
        },
        true);
  }

  private Optional<ApprovalRequest> load(Connection c, String id, boolean lock) throws SQLException {
    ApprovalRequest r;
    try (PreparedStatement ps =
        c.prepareStatement("SELECT " + REQUEST_COLUMNS + " FROM " + requests + " WHERE id = ?" + (lock ? dialect.forUpdate() : ""))) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        r = request(rs, List.of());
      }
    }
    return Optional.of(withVotes(r, votes(c, id)));
  }

  private List<Vote> votes(Connection c, String id) throws SQLException {
    List<Vote> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement("SELECT approver, approve, reason, at FROM " + votes + " WHERE request_id = ? ORDER BY at, approver")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new Vote(rs.getString(1), rs.getBoolean(2), rs.getString(3), Instant.ofEpochMilli(rs.getLong(4))));
        }
      }
    }
    return out;
  }

  private static ApprovalRequest withVotes(ApprovalRequest r, List<Vote> v) {
    return new ApprovalRequest(
        r.id(), r.created(), r.identity(), r.environment(), r.statement(), r.parameters(), r.statementHash(), r.maxRows(),
        r.previewJson(), r.reason(), r.ruleIds(), r.approvers(), r.approvalsRequired(), r.status(), v, r.outcome());
  }

  private static ApprovalRequest request(ResultSet rs, List<Vote> v) throws SQLException {
    return new ApprovalRequest(
        rs.getString("id"),
        Instant.ofEpochMilli(rs.getLong("created")),
        rs.getString("identity"),
        rs.getString("environment"),
        rs.getString("statement"),
        strings(rs.getString("parameters")),
        rs.getString("statement_hash"),
        rs.getLong("max_rows"),
        rs.getString("preview_json"),
        rs.getString("reason"),
        strings(rs.getString("rule_ids")),
        strings(rs.getString("approvers")),
        rs.getInt("approvals_required"),
        Status.valueOf(rs.getString("status")),
        v,
        Optional.ofNullable(rs.getString("outcome")));
  }

  private static List<String> strings(String json) {
    return JSON.readValue(json, STRINGS);
  }

  private static AuditEntry entry(ResultSet rs) throws SQLException {
    long rows = rs.getLong("row_count");
    Optional<Long> rowCount = rs.wasNull() ? Optional.empty() : Optional.of(rows);
    AuditEvent e =
        new AuditEvent(
            rs.getString("identity"),
            rs.getString("tool"),
            Optional.ofNullable(rs.getString("statement")),
            rs.getString("decision"),
            Optional.ofNullable(rs.getString("rule_id")),
            rowCount,
            Optional.ofNullable(rs.getString("approver")),
            Optional.ofNullable(rs.getString("request_id")),
            rs.getLong("millis"),
            rs.getString("detail"));
    return new AuditEntry(rs.getLong("sequence"), Instant.ofEpochMilli(rs.getLong("time")), e, rs.getString("previous_hash"), rs.getString("hash"));
  }

  @Override
  public void close() {
    pool.close();
  }

  @Override
  public String toString() {
    return name;
  }
}
