package dev.airlock.core.check;

import dev.airlock.core.finding.Finding;
import dev.airlock.core.rule.Severity;
import java.util.List;
import java.util.Optional;

/** Every file's report, and the gate's decision over them. */
public record CheckResult(List<FileReport> files) {
  public CheckResult {
    files = List.copyOf(files);
  }

  public List<Finding> findings() {
    return files.stream().flatMap(f -> f.findings().stream()).sorted(Finding.BY_POSITION).toList();
  }

  /** Findings nobody acknowledged: the irreversible operations a reviewer must see. */
  public List<Finding> open() {
    return findings().stream()
        .filter(f -> !f.suppressed())
        .sorted(BY_SEVERITY_THEN_POSITION)
        .toList();
  }

  public List<Finding> acknowledged() {
    return findings().stream().filter(Finding::suppressed).toList();
  }

  private static final java.util.Comparator<Finding> BY_SEVERITY_THEN_POSITION =
      java.util.Comparator.comparing(Finding::severity).reversed().thenComparing(Finding.BY_POSITION);

  public int statements() {
    return files.stream().mapToInt(FileReport::statements).sum();
  }

  public long filesWithOpenFindings() {
    return files.stream().filter(f -> f.findings().stream().anyMatch(x -> !x.suppressed())).count();
  }

  /** True when an open finding is at or above the threshold; empty threshold never fails. */
  public boolean fails(Optional<Severity> failOn) {
    return failOn.isPresent() && open().stream().anyMatch(f -> f.severity().atLeast(failOn.get()));
  }
}
