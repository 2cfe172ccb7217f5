package dev.airlock.gateway;

import java.util.List;

/**
 * The tools an agent has on a database through Airlock, one identity per gateway. Every call is
 * decided by the identity's policy and appended to the audit log; none throws for bad input (it
 * answers an error the agent can read), and the agent never sees the database credentials.
 */
public interface Gateway extends AutoCloseable {

  ToolAnswer listTables();

  ToolAnswer describeTable(String table);

  /** A read: one statement the core classifies as read-only, in BEGIN READ ONLY, row-capped. */
  ToolAnswer query(String sql, List<Object> parameters);

  /** A write run in a transaction that is always rolled back: what it would do. */
  ToolAnswer preview(String sql, List<Object> parameters);

  /** A write, decided by policy: executed, denied, or filed for approval ("pending approval <id>"). */
  ToolAnswer execute(String sql, List<Object> parameters, String reason);

  /** Where an approval request is; runs it once approved (exactly the approved statement). */
  ToolAnswer approvalStatus(String requestId);

  @Override
  void close();
}
