package dev.airlock.core.rule;

import java.util.List;
import java.util.regex.Pattern;

/** A rule's validated metadata. A malformed annotation fails when the rule loads. */
public record RuleMeta(
    String id,
    Severity severity,
    Category category,
    String summary,
    String why,
    String saferWay,
    List<String> oldIds) {

  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
  public static final String DOCS = "https://github.com/airlock-dev/airlock/blob/main/docs/rules/";

  public RuleMeta {
    oldIds = List.copyOf(oldIds);
    require(ID.matcher(id).matches(), id, "id must be kebab-case");
    require(!summary.isBlank() && !summary.endsWith("."), id, "summary is one line without a period");
    require(why.endsWith("."), id, "why is a sentence");
    require(saferWay.endsWith("."), id, "saferWay is one imperative sentence");
    for (String old : oldIds) {
      require(ID.matcher(old).matches(), id, "old id must be kebab-case");
    }
  }

  private static void require(boolean ok, String id, String what) {
    if (!ok) {
      throw new IllegalStateException("rule " + id + ": " + what);
    }
  }

  public static RuleMeta of(Class<?> ruleClass) {
    RuleInfo info = ruleClass.getAnnotation(RuleInfo.class);
    if (info == null) {
      throw new IllegalStateException(ruleClass.getName() + " has no @RuleInfo");
    }
    return new RuleMeta(
        info.id(),
        info.severity(),
        info.category(),
        info.summary(),
        info.why(),
        info.saferWay(),
        List.of(info.oldIds()));
  }

  public String docUri() {
    return DOCS + id + ".md";
  }

  public boolean answersTo(String ruleId) {
    return id.equals(ruleId) || oldIds.contains(ruleId);
  }
}
