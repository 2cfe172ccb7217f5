package dev.airlock.core.report;

import dev.airlock.core.check.CheckResult;
import dev.airlock.core.check.FileReport;
import dev.airlock.core.finding.Finding;

/**
 * GitHub Actions workflow commands, one annotation per open finding:
 * {@code ::error file=p,line=l,col=c,endLine=l2,endColumn=c2,title=rule-id::message}.
 */
final class GithubReporter implements Reporter {
  @Override
  public String render(CheckResult result) {
    StringBuilder sb = new StringBuilder();
    for (Finding f : result.findings()) {
      if (f.suppressed()) {
        continue;
      }
      String level =
          switch (f.severity()) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW -> "notice";
          };
      sb.append("::")
          .append(level)
          .append(" file=")
          .append(property(f.path()))
          .append(",line=")
          .append(f.span().startLine())
          .append(",col=")
          .append(f.span().startColumn())
          .append(",endLine=")
          .append(f.span().endLine())
          .append(",endColumn=")
          .append(f.span().endColumn())
          .append(",title=")
          .append(property(f.rule().id()))
          .append("::")
          .append(
              data(
                  f.severity().id()
                      + ": "
                      + f.fullMessage()
                      + ". "
                      + f.rule().saferWay()
                      + f.generatedSql().map(sql -> "\nGenerated SQL: " + sql).orElse("")))
          .append('\n');
    }
    for (FileReport file : result.files()) {
      for (String w : file.warnings()) {
        sb.append("::warning file=").append(property(file.path())).append("::").append(data(w)).append('\n');
      }
    }
    return sb.toString();
  }

  private static String data(String s) {
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  private static String property(String s) {
    return data(s).replace(":", "%3A").replace(",", "%2C");
  }
}
