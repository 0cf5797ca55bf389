package org.mtastscensus.report;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * summary.json of one stats folder. {@code scans} keeps the producer's order; the last scan is the one the report
 * details (the stats contract compares {@code previous} against the last scan too).
 */
record Summary(
    String source,
    int statsVersion,
    String generatedAt,
    String generatorProject,
    String schemaVersion,
    String pslSource,
    String pslVersion,
    List<ScanInfo> scans,
    ScanRef previous,
    Map<String, String> rules,
    Map<String, String> denominators,
    Set<String> tables) {

  ScanInfo mainScan() {
    return scans.get(scans.size() - 1);
  }
}
