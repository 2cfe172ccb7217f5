package dev.airlock.gateway.store;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON forms of an audit entry. {@link #canonical} is what the hash covers (every field but
 * the hashes, in a fixed order, compact); {@link #line} is the export form, one line per entry
 * with both hashes, so an exported log can be re-verified without the store.
 */
public final class AuditJson {
  private AuditJson() {}

  /** The fields the chain hashes, in their fixed order. */
  static Map<String, Object> fields(long sequence, long timeMillis, AuditEvent e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("sequence", sequence);
    m.put("time", java.time.Instant.ofEpochMilli(timeMillis).toString());
    m.put("identity", e.identity());
    m.put("tool", e.tool());
    m.put("statement", e.statement().orElse(null));
    m.put("decision", e.decision());
    m.put("ruleId", e.ruleId().orElse(null));
    m.put("rows", e.rows().orElse(null));
    m.put("approver", e.approver().orElse(null));
    m.put("requestId", e.requestId().orElse(null));
    m.put("millis", e.millis());
    m.put("detail", e.detail());
    return m;
  }

  static String canonical(long sequence, long timeMillis, AuditEvent e) {
    return CanonicalJson.write(fields(sequence, timeMillis, e));
  }

  /** SHA-256 hex of the previous entry's hash followed by this entry's canonical JSON. */
  static String hash(String previousHash, long sequence, long timeMillis, AuditEvent e) {
    return StatementHash.sha256(previousHash + canonical(sequence, timeMillis, e));
  }

  /** One JSON line (without the newline): the hashed fields, then previousHash and hash. */
  public static String line(AuditEntry entry) {
    Map<String, Object> m = fields(entry.sequence(), entry.time().toEpochMilli(), entry.event());
    m.put("previousHash", entry.previousHash());
    m.put("hash", entry.hash());
    return CanonicalJson.write(m);
  }
}
