package org.mtastscensus.spark;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.SparkContext;
import org.apache.spark.util.LongAccumulator;
import org.mtastscensus.verdict.Outcome;

/**
 * One accumulator per outcome, counted by the executors as rows leave {@link ScanPartition} and polled by the
 * driver for progress. Progress only: a retried task counts twice, so the run's final counts come from the
 * written rows instead.
 */
public final class OutcomeCounters implements Serializable {
  private static final long serialVersionUID = 1L;
  static final String PREFIX = "mtasts.outcome.";

  private final Map<String, LongAccumulator> byOutcome = new LinkedHashMap<>();

  OutcomeCounters(SparkContext context) {
    for (Outcome outcome : Outcome.values()) {
      byOutcome.put(outcome.name(), context.longAccumulator(PREFIX + outcome.name()));
    }
  }

  void count(String outcome) {
    byOutcome.get(outcome).add(1);
  }

  /** Counts merged so far on the driver (finished tasks only). */
  Map<String, Long> snapshot() {
    Map<String, Long> out = new LinkedHashMap<>();
    byOutcome.forEach((name, acc) -> out.put(name, acc.value()));
    return out;
  }

  /** Accumulator ids, to recognise this run's accumulators in heartbeat updates of running tasks. */
  Map<Long, String> ids() {
    Map<Long, String> out = new LinkedHashMap<>();
    byOutcome.forEach((name, acc) -> out.put(acc.id(), name));
    return out;
  }
}
