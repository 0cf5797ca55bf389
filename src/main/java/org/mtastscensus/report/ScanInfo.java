package org.mtastscensus.report;

import java.util.List;
import java.util.Map;

/** One entry of summary.json {@code scans}: the run facts and headline of one scan. */
record ScanInfo(
    ScanRef ref,
    String scanDir,
    String inputFormat,
    List<String> resolvers,
    String startedAt,
    long rows,
    Headline headline,
    Map<String, Long> maxAgeQuantiles,
    Map<String, Double> concentration) {}
