package dev.airlock.core.rule;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Everything a rule says about itself, in one place; validated by {@link RuleMeta#of}. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleInfo {
  /** Stable kebab-case id, used in suppressions, config and docs. */
  String id();

  Severity severity();

  Category category();

  /** One line: what the rule finds. */
  String summary();

  /** Why it is dangerous. */
  String why();

  /** The safer way, one imperative sentence. */
  String saferWay();

  /** Ids this rule had before, still accepted in suppressions and config. */
  String[] oldIds() default {};
}
