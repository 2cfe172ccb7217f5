package dev.airlock.core.policy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code gateway:} section of {@code airlock.yaml}: what each agent identity may do through the
 * database gateway, per environment. Without the section the safe default holds: reads are allowed,
 * every write needs a person's approval, and DDL, privilege and server-level statements are denied.
 * Parsing fails closed with one line that names the key.
 *
 * <pre>
 * gateway:
 *   max-rows: 0                      # UPDATE/DELETE rows allowed without approval
 *   deny: [ddl, privilege, server]   # statement kinds or groups always refused
 *   approvers: [alice, bob]          # who may approve; empty means anyone but the requester
 *   approvals: 1                     # distinct approvals a request needs
 *   functions: [uuid_generate_v4]    # functions trusted beyond the built-in allow-list
 *   environments:
 *     production: {deny: [ddl, privilege, server], approvals: 2}
 *     dev: {max-rows: 1000, deny: [drop, truncate]}
 *   identities:
 *     support-agent: {select: ["*"], insert: [orders], delete: [user_sessions]}
 * </pre>
 */
public final class GatewayPolicy {
  /** How a statement kind is grouped in {@code deny}. NEVER is refused whatever the policy says. */
  public enum Group {
    READ,
    WRITE,
    DDL,
    PRIVILEGE,
    SERVER,
    NEVER;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** What a statement does, as the gateway's policy sees it. */
  public enum Kind {
    SELECT(Group.READ),
    INSERT(Group.WRITE),
    UPDATE(Group.WRITE),
    DELETE(Group.WRITE),
    MERGE(Group.WRITE),
    CREATE(Group.DDL),
    ALTER(Group.DDL),
    DROP(Group.DDL),
    TRUNCATE(Group.DDL),
    COMMENT(Group.DDL),
    REFRESH(Group.DDL),
    GRANT(Group.PRIVILEGE),
    REVOKE(Group.PRIVILEGE),
    ROLE(Group.PRIVILEGE),
    ALTER_SYSTEM(Group.SERVER),
    DATABASE(Group.SERVER),
    EXTENSION(Group.SERVER),
    COPY(Group.SERVER),
    DO(Group.SERVER),
    CALL(Group.SERVER),
    LOCK(Group.SERVER),
    MAINTENANCE(Group.SERVER),
    LOAD(Group.SERVER),
    /** SET, RESET, PREPARE, LISTEN, ...: would change the gateway's own session. */
    SESSION(Group.NEVER),
    /** BEGIN, COMMIT, ROLLBACK, ...: the gateway owns every transaction. */
    TRANSACTION(Group.NEVER),
    /** Anything the gateway cannot classify. */
    UNKNOWN(Group.NEVER);

    private final Group group;

    Kind(Group group) {
      this.group = group;
    }

    public Group group() {
      return group;
    }

    public String id() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /** The verbs an identity is granted tables for. */
  public enum Verb {
    SELECT,
    INSERT,
    UPDATE,
    DELETE;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** What policy says about one verb on one table. */
  public enum Access {
    ALLOW,
    ASK,
    DENY
  }

  /** The environment rules before identities: every key optional, the outer level fills gaps. */
  private record Level(
      Optional<Long> maxRows,
      Optional<Set<Kind>> deny,
      Optional<List<String>> approvers,
      Optional<Integer> approvals,
      Optional<List<String>> functions) {
    static final Level EMPTY =
        new Level(
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
  }

  private static final Set<Kind> DEFAULT_DENY =
      kindsOf(EnumSet.of(Group.DDL, Group.PRIVILEGE, Group.SERVER));

  private final Level top;
  private final Map<String, Level> environments;

  /** Empty when the section lists no identities: then every identity gets the default. */
  private final Optional<Map<String, Map<Verb, List<String>>>> identities;

  private GatewayPolicy(
      Level top,
      Map<String, Level> environments,
      Optional<Map<String, Map<Verb, List<String>>>> identities) {
    this.top = top;
    this.environments = Map.copyOf(environments);
    this.identities = identities.map(Map::copyOf);
  }

  public static GatewayPolicy defaults() {
    return new GatewayPolicy(Level.EMPTY, Map.of(), Optional.empty());
  }

  /**
   * What one identity may do in one environment. Throws a {@link ConfigException} when the policy
   * lists identities and this one is not among them: an unknown identity gets nothing, not the
   * default.
   */
  public Rules rulesFor(String identity, String environment) {
    Level env = environments.getOrDefault(environment, Level.EMPTY);
    Optional<Map<Verb, List<String>>> tables = Optional.empty();
    if (identities.isPresent()) {
      Map<Verb, List<String>> granted = identities.get().get(identity);
      if (granted == null) {
        throw new ConfigException(
            "airlock.yaml gateway.identities has no identity `"
                + identity
                + "` (known: "
                + String.join(", ", new TreeSet<>(identities.get().keySet()))
                + ")");
      }
      tables = Optional.of(granted);
    }
    return new Rules(
        identity,
        environment,
        tables,
        env.maxRows().or(top::maxRows).orElse(0L),
        env.deny().or(top::deny).orElse(DEFAULT_DENY),
        env.approvers().or(top::approvers).orElse(List.of()),
        env.approvals().or(top::approvals).orElse(1),
        Set.copyOf(env.functions().or(top::functions).orElse(List.of())));
  }

  /**
   * One identity's rules in one environment, resolved.
   *
   * @param tables the tables granted per verb; empty for the default identity (select every table,
   *     ask for every write)
   * @param maxRows rows an allowed UPDATE, DELETE or MERGE may touch before it needs approval
   * @param denied statement kinds refused outright (NEVER kinds are refused regardless)
   * @param approvers who may approve; empty means anyone but the requester
   * @param approvals how many distinct approvals a request needs
   * @param functions functions trusted beyond the gateway's built-in allow-list
   */
  public record Rules(
      String identity,
      String environment,
      Optional<Map<Verb, List<String>>> tables,
      long maxRows,
      Set<Kind> denied,
      List<String> approvers,
      int approvals,
      Set<String> functions) {
    public Rules {
      denied = Set.copyOf(denied);
      approvers = List.copyOf(approvers);
      functions = Set.copyOf(functions);
    }

    public boolean denies(Kind kind) {
      return kind.group() == Group.NEVER || denied.contains(kind);
    }

    /** Whether policy allows, asks about or denies {@code verb} on {@code schema.table}. */
    public Access access(Verb verb, String schema, String table) {
      if (tables.isEmpty()) {
        return verb == Verb.SELECT ? Access.ALLOW : Access.ASK;
      }
      for (String entry : tables.get().getOrDefault(verb, List.of())) {
        if (matches(entry, schema, table)) {
          return Access.ALLOW;
        }
      }
      return Access.DENY;
    }

    /** True when the identity may read every table, so reads need no per-table check. */
    public boolean readsEverything() {
      return tables.isEmpty() || tables.get().getOrDefault(Verb.SELECT, List.of()).contains("*");
    }

    /**
     * Where the grant for a verb is written, for reasons: {@code gateway.identities.bot.delete}.
     */
    public String grantKey(Verb verb) {
      return "gateway.identities." + identity + "." + verb.id();
    }

    private static boolean matches(String entry, String schema, String table) {
      if (entry.equals("*")) {
        return true;
      }
      int dot = entry.indexOf('.');
      if (dot < 0) {
        return entry.equalsIgnoreCase(table);
      }
      String s = entry.substring(0, dot);
      String t = entry.substring(dot + 1);
      return s.equalsIgnoreCase(schema) && (t.equals("*") || t.equalsIgnoreCase(table));
    }
  }

  // ---- parsing

  /** Parses the value of the {@code gateway:} key; {@code where} prefixes error messages. */
  static GatewayPolicy parse(Object value, String where) {
    if (value == null) {
      return defaults();
    }
    Map<?, ?> map = mapping(value, where);
    Map<String, Level> environments = new LinkedHashMap<>();
    Optional<Map<String, Map<Verb, List<String>>>> identities = Optional.empty();
    Map<Object, Object> levelKeys = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String key = String.valueOf(e.getKey());
      String at = where + "." + key;
      switch (key) {
        case "environments" -> {
          for (Map.Entry<?, ?> env : mapping(e.getValue(), at).entrySet()) {
            String name = String.valueOf(env.getKey());
            if (name.isBlank()) {
              throw new ConfigException(at + ": empty environment name");
            }
            environments.put(
                name, level(mapping(env.getValue(), at + "." + name), at + "." + name, false));
          }
        }
        case "identities" -> identities = Optional.of(identities(e.getValue(), at));
        case "max-rows", "deny", "approvers", "approvals", "functions" ->
            levelKeys.put(key, e.getValue());
        default ->
            throw new ConfigException(
                where
                    + ": unknown key `"
                    + key
                    + "` (known: max-rows, deny, approvers, approvals, functions, environments, identities)");
      }
    }
    return new GatewayPolicy(level(levelKeys, where, true), environments, identities);
  }

  private static Level level(Map<?, ?> map, String where, boolean top) {
    Optional<Long> maxRows = Optional.empty();
    Optional<Set<Kind>> deny = Optional.empty();
    Optional<List<String>> approvers = Optional.empty();
    Optional<Integer> approvals = Optional.empty();
    Optional<List<String>> functions = Optional.empty();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String key = String.valueOf(e.getKey());
      String at = where + "." + key;
      Object v = e.getValue();
      switch (key) {
        case "max-rows" -> {
          if (!(v instanceof Integer || v instanceof Long) || ((Number) v).longValue() < 0) {
            throw new ConfigException(at + ": expected a whole number of rows, 0 or more");
          }
          maxRows = Optional.of(((Number) v).longValue());
        }
        case "deny" -> deny = Optional.of(kinds(v, at));
        case "approvers" -> approvers = Optional.of(names(v, at));
        case "approvals" -> {
          if (!(v instanceof Integer n) || n < 1 || n > 10) {
            throw new ConfigException(at + ": expected a whole number from 1 to 10");
          }
          approvals = Optional.of(n);
        }
        case "functions" -> functions = Optional.of(names(v, at));
        default ->
            throw new ConfigException(
                where
                    + ": unknown key `"
                    + key
                    + "` (known: max-rows, deny, approvers, approvals, functions"
                    + (top ? ", environments, identities" : "")
                    + ")");
      }
    }
    if (approvers.isPresent()
        && approvals.isPresent()
        && !approvers.get().isEmpty()
        && approvals.get() > approvers.get().size()) {
      throw new ConfigException(
          where
              + ".approvals: "
              + approvals.get()
              + " approvals need at least as many approvers, and "
              + approvers.get().size()
              + " are listed");
    }
    return new Level(maxRows, deny, approvers, approvals, functions);
  }

  private static Map<String, Map<Verb, List<String>>> identities(Object value, String where) {
    Map<String, Map<Verb, List<String>>> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> id : mapping(value, where).entrySet()) {
      String name = String.valueOf(id.getKey());
      String at = where + "." + name;
      if (name.isBlank()) {
        throw new ConfigException(where + ": empty identity name");
      }
      Map<Verb, List<String>> verbs = new EnumMap<>(Verb.class);
      Object body = id.getValue() == null ? Map.of() : id.getValue();
      for (Map.Entry<?, ?> v : mapping(body, at).entrySet()) {
        String verb = String.valueOf(v.getKey());
        Verb parsed =
            switch (verb) {
              case "select" -> Verb.SELECT;
              case "insert" -> Verb.INSERT;
              case "update" -> Verb.UPDATE;
              case "delete" -> Verb.DELETE;
              default ->
                  throw new ConfigException(
                      at + ": unknown key `" + verb + "` (known: select, insert, update, delete)");
            };
        verbs.put(parsed, tables(v.getValue(), at + "." + verb));
      }
      out.put(name, verbs);
    }
    return out;
  }

  private static List<String> tables(Object value, String where) {
    List<String> out = new ArrayList<>();
    for (String t : names(value, where)) {
      if (t.chars().anyMatch(Character::isWhitespace)
          || t.startsWith(".")
          || t.endsWith(".")
          || t.chars().filter(c -> c == '.').count() > 1) {
        throw new ConfigException(
            where + ": `" + t + "` is not a table, `schema.table`, `schema.*` or `*`");
      }
      out.add(t);
    }
    return out;
  }

  private static Set<Kind> kinds(Object value, String where) {
    Set<Kind> out = EnumSet.noneOf(Kind.class);
    for (String name : names(value, where)) {
      String n = name.toLowerCase(Locale.ROOT);
      Optional<Group> group = groupOf(n);
      Optional<Kind> kind = kindOf(n);
      if (group.isPresent()) {
        out.addAll(kindsOf(EnumSet.of(group.get())));
      } else if (kind.isPresent() && kind.get().group() != Group.READ) {
        out.add(kind.get());
      } else {
        throw new ConfigException(
            where + ": `" + name + "` is not a statement kind (known: " + deniable() + ")");
      }
    }
    return out;
  }

  private static Optional<Group> groupOf(String id) {
    for (Group g : Group.values()) {
      if (g.id().equals(id) && g != Group.READ && g != Group.NEVER) {
        return Optional.of(g);
      }
    }
    return Optional.empty();
  }

  private static Optional<Kind> kindOf(String id) {
    for (Kind k : Kind.values()) {
      if (k.id().equals(id) && k.group() != Group.NEVER) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }

  private static String deniable() {
    List<String> out = new ArrayList<>(List.of("write", "ddl", "privilege", "server"));
    for (Kind k : Kind.values()) {
      if (k.group() != Group.READ && k.group() != Group.NEVER) {
        out.add(k.id());
      }
    }
    return String.join(", ", out);
  }

  private static Set<Kind> kindsOf(Collection<Group> groups) {
    Set<Kind> out = EnumSet.noneOf(Kind.class);
    for (Kind k : Kind.values()) {
      if (groups.contains(k.group())) {
        out.add(k);
      }
    }
    return Set.copyOf(out);
  }

  private static List<String> names(Object value, String where) {
    List<?> list;
    if (value instanceof List<?> l) {
      list = l;
    } else if (value instanceof String s) {
      list = List.of(s);
    } else {
      throw new ConfigException(where + ": expected a list");
    }
    List<String> out = new ArrayList<>();
    for (Object o : list) {
      String s = o == null ? "" : String.valueOf(o).strip();
      if (s.isEmpty() || o instanceof Map || o instanceof List) {
        throw new ConfigException(where + ": expected a list of names");
      }
      out.add(s);
    }
    return out;
  }

  private static Map<?, ?> mapping(Object value, String where) {
    if (value instanceof Map<?, ?> m) {
      return m;
    }
    throw new ConfigException(where + ": expected a mapping");
  }
}
