package dev.airlock.core.check;

import dev.airlock.core.finding.Finding;
import dev.airlock.core.finding.Suppression;
import dev.airlock.core.frontend.Frontend;
import dev.airlock.core.frontend.Parsed;
import dev.airlock.core.operation.Allowance;
import dev.airlock.core.operation.Occurrence;
import dev.airlock.core.policy.Config;
import dev.airlock.core.rule.RuleMeta;
import dev.airlock.core.rule.Severity;
import dev.airlock.core.rules.InvalidSuppression;
import dev.airlock.core.rules.Rules;
import dev.airlock.core.source.SourceText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The pipeline for one file: frontend, then every rule on every operation, then the config's
 * severities and the reviewers' allow comments. Pure: the caller reads files and prints.
 */
public final class Checker {
  private static final RuleMeta INVALID_SUPPRESSION = Rules.meta(InvalidSuppression.class);

  private final Config config;

  public Checker(Config config) {
    this.config = config;
  }

  public FileReport check(SourceText source, Frontend frontend) {
    Parsed parsed = frontend.parse(source);
    List<Finding> findings = new ArrayList<>();
    Set<Allowance> validated = new HashSet<>();
    for (Occurrence occurrence : parsed.occurrences()) {
      for (Allowance allowance : occurrence.allowances()) {
        if (validated.add(allowance)) {
          problem(allowance).ifPresent(p -> add(findings, INVALID_SUPPRESSION, p, source, occurrence, allowance));
        }
      }
      findings.addAll(rulesOn(source, occurrence));
    }
    findings.sort(Finding.BY_POSITION);
    return new FileReport(source.path(), parsed.statements(), findings, List.of());
  }

  /** What the rules find on one occurrence, with the config's severities and its allowances. */
  public List<Finding> rulesOn(SourceText source, Occurrence occurrence) {
    List<Finding> findings = new ArrayList<>();
    for (Rules.Registered r : Rules.all()) {
      r.rule().check(occurrence.operation()).ifPresent(message -> add(findings, r.meta(), message, source, occurrence, null));
    }
    return findings;
  }

  /**
   * A file that could not be checked at all (too large to read, say). Fail closed: it becomes an
   * {@code unparsed-statement} finding at its first line, never silence.
   */
  public FileReport notChecked(String path, String reason) {
    RuleMeta rule = Rules.meta(dev.airlock.core.rules.UnparsedStatement.class);
    List<Finding> findings = new ArrayList<>();
    config
        .severity(rule.id(), rule.severity())
        .ifPresent(
            severity ->
                findings.add(
                    new Finding(
                        rule,
                        severity,
                        "not checked: " + reason,
                        path,
                        new dev.airlock.core.source.Span(0, 0, 1, 1, 1, 1),
                        "",
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty())));
    return new FileReport(path, 0, findings, List.of());
  }

  private void add(
      List<Finding> out, RuleMeta rule, String message, SourceText source, Occurrence at, Allowance invalid) {
    Optional<Severity> severity = config.severity(rule.id(), rule.severity());
    if (severity.isEmpty()) {
      return;
    }
    Optional<Suppression> suppression =
        invalid != null
            ? Optional.empty()
            : at.allowances().stream()
                .filter(a -> (a.ruleId().equals(Allowance.EVERY_RULE) || rule.answersTo(a.ruleId())) && !a.reason().isBlank())
                .findFirst()
                .map(a -> new Suppression(a.reason(), a.span()));
    out.add(
        new Finding(
            rule,
            severity.get(),
            message,
            source.path(),
            invalid != null ? invalid.span() : at.span(),
            invalid != null ? invalid.text().substring(invalid.text().indexOf("airlock:allow")) : at.statement(),
            invalid != null ? Optional.empty() : at.generatedSql(),
            at.within(),
            suppression));
  }

  private static Optional<String> problem(Allowance a) {
    if (a.ruleId().isEmpty()) {
      return Optional.of("airlock:allow names no rule; write `airlock:allow <rule-id> <reason>`");
    }
    if (!a.ruleId().equals(Allowance.EVERY_RULE) && Rules.byId(a.ruleId()).isEmpty()) {
      return Optional.of("airlock:allow names unknown rule `" + a.ruleId() + "`; it suppresses nothing");
    }
    if (a.reason().isBlank()) {
      return Optional.of(
          "airlock:allow " + a.ruleId() + " gives no reason, so it suppresses nothing; say why this is safe");
    }
    return Optional.empty();
  }
}
