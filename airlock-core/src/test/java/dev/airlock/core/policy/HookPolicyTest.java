package dev.airlock.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.airlock.core.rule.Severity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HookPolicyTest {
  private static final Path ROOT = Path.of("/srv/app");
  private static final Path HOME = Path.of("/home/dev");

  private static HookPolicy hook(String yaml) {
    return Config.parse(yaml, "airlock.yaml").hook();
  }

  @Test
  void defaultsBySeverity() {
    HookPolicy p = HookPolicy.defaults();
    assertThat(p.forSeverity(Severity.CRITICAL)).isEqualTo(Verdict.DENY);
    assertThat(p.forSeverity(Severity.HIGH)).isEqualTo(Verdict.ASK);
    assertThat(p.forSeverity(Severity.MEDIUM)).isEqualTo(Verdict.ASK);
    assertThat(p.forSeverity(Severity.LOW)).isEqualTo(Verdict.ALLOW);
    assertThat(p.timeout()).isEqualTo(HookPolicy.DEFAULT_TIMEOUT);
    assertThat(Config.defaults().hook().forRule("drop-table")).isEmpty();
  }

  @Test
  void fullSection() {
    HookPolicy p =
        hook(
            """
            hook:
              severity: {medium: allow, high: deny}
              rules: {drop-table: ask}
              paths:
                "/tmp/**": allow
                "~/.ssh/**": deny
                "build/**": allow
              roots: [../shared/fixtures, /opt/data]
              trusted: ["make test", "npm run *"]
              timeout-ms: 500
            """);
    assertThat(p.forSeverity(Severity.MEDIUM)).isEqualTo(Verdict.ALLOW);
    assertThat(p.forSeverity(Severity.HIGH)).isEqualTo(Verdict.DENY);
    assertThat(p.forSeverity(Severity.CRITICAL)).isEqualTo(Verdict.DENY);
    assertThat(p.forRule("drop-table")).contains(Verdict.ASK);
    assertThat(p.forPath("/tmp/x/y", ROOT, HOME)).contains(Verdict.ALLOW);
    assertThat(p.forPath("/tmp", ROOT, HOME)).contains(Verdict.ALLOW);
    assertThat(p.forPath("/home/dev/.ssh/id_rsa", ROOT, HOME)).contains(Verdict.DENY);
    assertThat(p.forPath("/srv/app/build/out", ROOT, HOME)).contains(Verdict.ALLOW);
    assertThat(p.forPath("/srv/other", ROOT, HOME)).isEmpty();
    assertThat(p.roots(ROOT, HOME)).containsExactly(Path.of("/srv/shared/fixtures"), Path.of("/opt/data"));
    assertThat(p.trusted("make test")).contains("make test");
    assertThat(p.trusted("  npm   run lint ")).contains("npm run *");
    assertThat(p.timeout()).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void trustedNeverCoversShellOperators() {
    HookPolicy p = hook("hook: {trusted: [\"make *\"]}");
    assertThat(p.trusted("make test; rm -rf ~")).isEmpty();
    assertThat(p.trusted("make test && rm -rf ~")).isEmpty();
    assertThat(p.trusted("make $(rm -rf ~)")).isEmpty();
    assertThat(p.trusted("make `id`")).isEmpty();
    assertThat(p.trusted("make test\nrm -rf ~")).isEmpty();
    assertThat(p.trusted("make test > /etc/passwd")).isEmpty();
    assertThat(p.trusted("make build")).contains("make *");
    assertThat(p.trusted("rm -rf make")).isEmpty();
  }

  @Test
  void strictestPathRuleWins() {
    HookPolicy p = hook("hook: {paths: {\"/data/**\": allow, \"/data/prod/**\": deny}}");
    assertThat(p.forPath("/data/prod/x", ROOT, HOME)).contains(Verdict.DENY);
    assertThat(p.forPath("/data/dev/x", ROOT, HOME)).contains(Verdict.ALLOW);
  }

  @Test
  void oldRuleIdsAreAccepted() {
    // the key names the rule by any of its ids; the policy stores the current id
    assertThat(hook("hook: {rules: {drop-table: deny}}").forRule("drop-table")).contains(Verdict.DENY);
  }

  @Test
  void mistakesAreErrors() {
    assertThatThrownBy(() -> hook("hook: {sevrity: {}}")).hasMessageContaining("unknown key `sevrity`");
    assertThatThrownBy(() -> hook("hook: {rules: {no-such-rule: deny}}"))
        .hasMessageContaining("hook.rules.no-such-rule: no such rule");
    assertThatThrownBy(() -> hook("hook: {rules: {drop-table: block}}"))
        .hasMessageContaining("`block` is not one of allow, ask, deny");
    assertThatThrownBy(() -> hook("hook: {severity: {urgent: deny}}")).hasMessageContaining("`urgent`");
    assertThatThrownBy(() -> hook("hook: {paths: [\"/tmp\"]}")).hasMessageContaining("hook.paths: expected a mapping");
    assertThatThrownBy(() -> hook("hook: {trusted: [\"make; rm -rf /\"]}")).hasMessageContaining("without shell operators");
    assertThatThrownBy(() -> hook("hook: {timeout-ms: 5}")).hasMessageContaining("100 to 60000");
    assertThatThrownBy(() -> hook("hook: {roots: \"/x\"}")).hasMessageContaining("expected a list");
    assertThatThrownBy(() -> hook("hook: [1]")).hasMessageContaining("airlock.yaml: hook: expected a mapping");
    assertThatThrownBy(() -> hook("hooks: {}")).hasMessageContaining("unknown key `hooks`");
  }

  @Test
  void decisionIsOneLine() {
    Decision d = Decision.failClosed("first\nsecond");
    assertThat(d.reason()).isEqualTo("first …");
    assertThat(d.verdict()).isEqualTo(Verdict.ASK);
    assertThat(d.failedClosed()).isTrue();
    assertThat(Decision.allow("").reason()).isEqualTo("no reason given");
    assertThat(Verdict.ASK.max(Verdict.DENY)).isEqualTo(Verdict.DENY);
    assertThat(Verdict.parse(" Deny ")).isEqualTo(Optional.of(Verdict.DENY));
  }
}
