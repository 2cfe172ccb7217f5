package dev.airlock.core.check;

import dev.airlock.core.finding.Finding;
import java.util.List;

/**
 * The result of checking one file.
 *
 * @param warnings problems reading the file that did not stop the run (binary, too large, ...)
 */
public record FileReport(String path, int statements, List<Finding> findings, List<String> warnings) {
  public FileReport {
    findings = List.copyOf(findings);
    warnings = List.copyOf(warnings);
  }

  public static FileReport warning(String path, String warning) {
    return new FileReport(path, 0, List.of(), List.of(warning));
  }
}
