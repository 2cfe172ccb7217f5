package dev.airlock.core.rules;

import dev.airlock.core.rule.Rule;
import dev.airlock.core.rule.RuleMeta;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The registry: one explicit list, sorted by id. No classpath scanning. */
public final class Rules {
  /** A rule with its validated metadata. */
  public record Registered(RuleMeta meta, Rule rule) {}

  private static final List<Rule> ALL =
      List.of(
          new AlterColumnType(),
          new AlterSystem(),
          new AutoApprove(),
          new AutoDdl(),
          new ChmodRecursive(),
          new CloudDestroy(),
          new ClusterDelete(),
          new CopyProgram(),
          new DataMigration(),
          new DeleteRows(),
          new DeleteWithoutWhere(),
          new DropColumn(),
          new DropConstraint(),
          new DropDatabase(),
          new DropFunction(),
          new DropIndex(),
          new DropObject(),
          new DropSchema(),
          new DropTable(),
          new DropType(),
          new DropView(),
          new DynamicSql(),
          new GitClean(),
          new GitDeleteBranch(),
          new GitDiscardChanges(),
          new GitDropStash(),
          new GitForcePush(),
          new GitResetHard(),
          new GitRewriteHistory(),
          new GrantAll(),
          new GrantPublic(),
          new HiddenPayload(),
          new InvalidSuppression(),
          new IrreversibleMigration(),
          new KeyStoreFlush(),
          new OverwriteOutsideProject(),
          new OverwriteSystemPath(),
          new PatternDelete(),
          new RenameColumn(),
          new RenameTable(),
          new RmOutsideProject(),
          new RmProjectRoot(),
          new RmSystemPath(),
          new RmUnresolvedTarget(),
          new RoleEscalation(),
          new SchemaWipe(),
          new TautologicalWhere(),
          new Truncate(),
          new UnparsedMigration(),
          new UnparsedStatement(),
          new UpdateRows(),
          new UpdateWithoutWhere());

  private static final List<Registered> REGISTERED =
      ALL.stream().map(r -> new Registered(RuleMeta.of(r.getClass()), r)).toList();

  private static final Map<String, Registered> BY_ID = index();

  private static Map<String, Registered> index() {
    Map<String, Registered> map = new LinkedHashMap<>();
    for (Registered r : REGISTERED) {
      for (String id : ids(r.meta())) {
        if (map.put(id, r) != null) {
          throw new IllegalStateException("duplicate rule id " + id);
        }
      }
    }
    return map;
  }

  private static List<String> ids(RuleMeta meta) {
    return java.util.stream.Stream.concat(java.util.stream.Stream.of(meta.id()), meta.oldIds().stream()).toList();
  }

  public static List<Registered> all() {
    return REGISTERED;
  }

  /** Finds a rule by its id or one of its old ids. */
  public static Optional<Registered> byId(String id) {
    return Optional.ofNullable(BY_ID.get(id));
  }

  public static RuleMeta meta(Class<? extends Rule> type) {
    return REGISTERED.stream()
        .filter(r -> r.rule().getClass() == type)
        .findFirst()
        .orElseThrow()
        .meta();
  }

  private Rules() {}
}
