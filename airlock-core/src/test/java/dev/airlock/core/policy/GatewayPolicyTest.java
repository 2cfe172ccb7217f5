package dev.airlock.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.airlock.core.policy.GatewayPolicy.Access;
import dev.airlock.core.policy.GatewayPolicy.Kind;
import dev.airlock.core.policy.GatewayPolicy.Rules;
import dev.airlock.core.policy.GatewayPolicy.Verb;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The gateway section of airlock.yaml: the safe default, per-environment rules, identities, errors.
 */
class GatewayPolicyTest {
  private static final String POLICY =
      """
      gateway:
        max-rows: 5
        approvers: [alice, bob, carol]
        environments:
          production:
            max-rows: 0
            deny: [ddl, privilege, server]
            approvals: 2
          dev:
            max-rows: 1000
            deny: [drop, truncate]
        identities:
          support-agent:
            select: ["*"]
            insert: [orders]
            update: [public.orders]
            delete: [sessions.*]
          reporter:
            select: [orders, customers]
      """;

  @Test
  void withoutASectionReadsAreAllowedWritesAskAndDdlPrivilegeAndServerAreDenied() {
    Rules r = Config.defaults().gateway().rulesFor("any-agent", "production");
    assertThat(r.access(Verb.SELECT, "public", "customers")).isEqualTo(Access.ALLOW);
    assertThat(r.access(Verb.DELETE, "public", "customers")).isEqualTo(Access.ASK);
    assertThat(r.access(Verb.INSERT, "public", "orders")).isEqualTo(Access.ASK);
    assertThat(r.maxRows()).isZero();
    assertThat(r.approvals()).isEqualTo(1);
    assertThat(r.approvers()).isEmpty();
    for (Kind k :
        List.of(
            Kind.DROP,
            Kind.TRUNCATE,
            Kind.ALTER,
            Kind.CREATE,
            Kind.GRANT,
            Kind.ROLE,
            Kind.COPY,
            Kind.DO,
            Kind.ALTER_SYSTEM)) {
      assertThat(r.denies(k)).as("%s", k).isTrue();
    }
    for (Kind k : List.of(Kind.INSERT, Kind.UPDATE, Kind.DELETE, Kind.MERGE)) {
      assertThat(r.denies(k)).as("%s", k).isFalse();
    }
    assertThat(r.denies(Kind.TRANSACTION)).isTrue();
    assertThat(r.denies(Kind.SESSION)).isTrue();
    assertThat(r.denies(Kind.UNKNOWN)).isTrue();
  }

  @Test
  void environmentsOverrideTheTopLevelAndIdentitiesGetLeastPrivilege() {
    GatewayPolicy p = Config.parse(POLICY, "airlock.yaml").gateway();
    Rules prod = p.rulesFor("support-agent", "production");
    assertThat(prod.maxRows()).isZero();
    assertThat(prod.approvals()).isEqualTo(2);
    assertThat(prod.approvers()).containsExactly("alice", "bob", "carol");
    assertThat(prod.denies(Kind.DROP)).isTrue();
    assertThat(prod.access(Verb.SELECT, "public", "anything")).isEqualTo(Access.ALLOW);
    assertThat(prod.access(Verb.INSERT, "public", "orders")).isEqualTo(Access.ALLOW);
    assertThat(prod.access(Verb.INSERT, "public", "customers")).isEqualTo(Access.DENY);
    assertThat(prod.access(Verb.UPDATE, "public", "orders")).isEqualTo(Access.ALLOW);
    assertThat(prod.access(Verb.UPDATE, "billing", "orders")).isEqualTo(Access.DENY);
    assertThat(prod.access(Verb.DELETE, "sessions", "user_sessions")).isEqualTo(Access.ALLOW);
    assertThat(prod.access(Verb.DELETE, "public", "customers")).isEqualTo(Access.DENY);

    Rules dev = p.rulesFor("support-agent", "dev");
    assertThat(dev.maxRows()).isEqualTo(1000);
    assertThat(dev.denies(Kind.DROP)).isTrue();
    assertThat(dev.denies(Kind.CREATE)).isFalse();
    assertThat(dev.approvals()).isEqualTo(1);

    Rules elsewhere = p.rulesFor("reporter", "staging");
    assertThat(elsewhere.maxRows()).isEqualTo(5);
    assertThat(elsewhere.readsEverything()).isFalse();
    assertThat(elsewhere.access(Verb.SELECT, "public", "Orders")).isEqualTo(Access.ALLOW);
    assertThat(elsewhere.access(Verb.SELECT, "public", "user_sessions")).isEqualTo(Access.DENY);
    assertThat(elsewhere.access(Verb.DELETE, "public", "orders")).isEqualTo(Access.DENY);
  }

  @Test
  void anIdentityThePolicyDoesNotListGetsNothing() {
    GatewayPolicy p = Config.parse(POLICY, "airlock.yaml").gateway();
    assertThatThrownBy(() -> p.rulesFor("intruder", "production"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "airlock.yaml gateway.identities has no identity `intruder` (known: reporter, support-agent)");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          gateway: [a]                                       | airlock.yaml: gateway: expected a mapping
          gateway: {maxrows: 1}                              | airlock.yaml: gateway: unknown key `maxrows` (known: max-rows, deny, approvers, approvals, functions, environments, identities)
          gateway: {max-rows: -1}                            | airlock.yaml: gateway.max-rows: expected a whole number of rows, 0 or more
          gateway: {max-rows: many}                          | airlock.yaml: gateway.max-rows: expected a whole number of rows, 0 or more
          gateway: {approvals: 0}                            | airlock.yaml: gateway.approvals: expected a whole number from 1 to 10
          gateway: {approvers: [a], approvals: 2}            | airlock.yaml: gateway.approvals: 2 approvals need at least as many approvers, and 1 are listed
          gateway: {deny: [drop, explode]}                   | airlock.yaml: gateway.deny: `explode` is not a statement kind (known: write, ddl, privilege, server, insert, update, delete, merge, create, alter, drop, truncate, comment, refresh, grant, revoke, role, alter-system, database, extension, copy, do, call, lock, maintenance, load)
          gateway: {deny: [select]}                          | airlock.yaml: gateway.deny: `select` is not a statement kind (known: write, ddl, privilege, server, insert, update, delete, merge, create, alter, drop, truncate, comment, refresh, grant, revoke, role, alter-system, database, extension, copy, do, call, lock, maintenance, load)
          gateway: {environments: {prod: {approvers: 3}}}    | airlock.yaml: gateway.environments.prod.approvers: expected a list
          gateway: {environments: {prod: {identities: {}}}}  | airlock.yaml: gateway.environments.prod: unknown key `identities` (known: max-rows, deny, approvers, approvals, functions)
          gateway: {identities: {bot: {drop: ['*']}}}        | airlock.yaml: gateway.identities.bot: unknown key `drop` (known: select, insert, update, delete)
          gateway: {identities: {bot: {select: 'a b'}}}      | airlock.yaml: gateway.identities.bot.select: `a b` is not a table, `schema.table`, `schema.*` or `*`
          gateway: {identities: {bot: {select: [{a: 1}]}}}   | airlock.yaml: gateway.identities.bot.select: expected a list of names
          """)
  void aBadPolicyIsOneLineNamingTheKey(String yaml, String message) {
    assertThatThrownBy(() -> Config.parse(yaml, "airlock.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(message);
  }
}
