package dev.airlock.core.rules;

import dev.airlock.core.operation.Operation;
import dev.airlock.core.rule.Category;
import dev.airlock.core.rule.Rule;
import dev.airlock.core.rule.RuleInfo;
import dev.airlock.core.rule.Severity;
import java.util.Optional;

@RuleInfo(
    id = "hidden-payload",
    severity = Severity.HIGH,
    category = Category.UNVERIFIABLE,
    summary = "A shell command runs code that cannot be seen before it runs",
    why = "`curl ... | bash`, `base64 -d | sh`, `eval \"$X\"` and `source <(...)` run whatever arrives"
        + " at run time; no review of the command line can tell what that is, so it is never allowed"
        + " unseen.",
    saferWay = "Download the script to a file, read it, and run the file; or run the decoded command"
        + " itself so it can be checked.")
public final class HiddenPayload implements Rule {
  @Override
  public Optional<String> check(Operation operation) {
    if (operation instanceof dev.airlock.core.operation.HiddenPayload h) {
      return Optional.of(h.reason());
    }
    return Optional.empty();
  }
}
