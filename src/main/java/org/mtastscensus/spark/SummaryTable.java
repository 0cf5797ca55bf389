package org.mtastscensus.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mtastscensus.verdict.Outcome;

/** The short text summary printed after a run: outcomes, top findings and adoption, from {@code _run.json}. */
public final class SummaryTable {
  static final int TOP_FINDINGS = 8;

  private SummaryTable() {}

  @SuppressWarnings("unchecked")
  public static String render(Map<String, Object> run) {
    Map<String, Object> outcomes = (Map<String, Object>) run.get("outcomes");
    Map<String, Object> findings = (Map<String, Object>) run.get("findings");
    long rows = ((Number) run.get("rows")).longValue();
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "%-20s %8s %7s%n", "outcome", "domains", "share"));
    for (Outcome outcome : Outcome.values()) {
      long n = count(outcomes, outcome.name());
      if (n > 0) {
        out.append(String.format(Locale.ROOT, "%-20s %8d %6.1f%%%n", outcome.name(), n, percent(n, rows)));
      }
    }
    out.append(String.format(Locale.ROOT, "%-20s %8d%n%n", "total", rows));

    List<Map.Entry<String, Object>> top = new ArrayList<>(findings.entrySet());
    top.sort((a, b) -> Long.compare(((Number) b.getValue()).longValue(), ((Number) a.getValue()).longValue()));
    out.append(String.format(Locale.ROOT, "%-32s %8s%n", "top findings", "domains"));
    for (Map.Entry<String, Object> entry : top.subList(0, Math.min(TOP_FINDINGS, top.size()))) {
      out.append(String.format(Locale.ROOT, "%-32s %8d%n", entry.getKey(), ((Number) entry.getValue()).longValue()));
    }

    long absent = count(outcomes, "NO_RECORD") + count(outcomes, "NO_DOMAIN");
    long published = rows - absent - count(outcomes, "UNDETERMINED");
    long valid = count(outcomes, "VALID_ENFORCE") + count(outcomes, "VALID_TESTING") + count(outcomes, "VALID_NONE");
    long enforce = count(outcomes, "VALID_ENFORCE");
    out.append(String.format(Locale.ROOT, "%nadoption: %d of %d domains publish MTA-STS (%.1f%%); %d valid (%.1f%%),"
        + " %d enforcing (%.1f%%)%n", published, rows, percent(published, rows), valid, percent(valid, rows),
        enforce, percent(enforce, rows)));
    return out.toString();
  }

  private static long count(Map<String, Object> counts, String key) {
    Object value = counts.get(key);
    return value == null ? 0 : ((Number) value).longValue();
  }

  private static double percent(long n, long of) {
    return of == 0 ? 0 : 100.0 * n / of;
  }
}
