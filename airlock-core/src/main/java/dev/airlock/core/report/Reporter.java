package dev.airlock.core.report;

import dev.airlock.core.check.CheckResult;

/** Renders a check result in one format. Pure: returns text, prints nothing. */
public interface Reporter {
  String render(CheckResult result);
}
