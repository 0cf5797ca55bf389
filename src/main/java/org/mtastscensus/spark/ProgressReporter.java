package org.mtastscensus.spark;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.spark.SparkContext;

/**
 * Reports domains done out of the total, rate, ETA and outcome counts every few seconds from a daemon thread on
 * the driver. The lines go to a sink: the console in local mode, the driver log (stderr) on a cluster.
 */
final class ProgressReporter implements AutoCloseable {
  private final OutcomeCounters counters;
  private final RunningTaskCounts running;
  private final SparkContext context;
  private final long total;
  private final long doneBefore;
  private final Consumer<String> sink;
  private final long startNanos = System.nanoTime();
  private final Thread thread;
  private volatile boolean stopped;

  /**
   * @param total domains of the whole run
   * @param doneBefore domains finished by an earlier, interrupted attempt (committed chunks)
   */
  ProgressReporter(SparkContext context, OutcomeCounters counters, long total, long doneBefore, Duration every,
      Consumer<String> sink) {
    this.context = context;
    this.counters = counters;
    this.total = total;
    this.doneBefore = doneBefore;
    this.sink = sink;
    this.running = new RunningTaskCounts(counters.ids());
    context.addSparkListener(running);
    thread = new Thread(() -> loop(every.toMillis()), "mtasts-progress");
    thread.setDaemon(true);
    thread.start();
  }

  private void loop(long everyMillis) {
    while (!stopped) {
      try {
        Thread.sleep(everyMillis);
      } catch (InterruptedException e) {
        return;
      }
      if (!stopped) {
        sink.accept(line());
      }
    }
  }

  /** One progress line, e.g. "1200/5000 domains (24.0%), 310/s, ETA 0:12 | NO_RECORD=1000 ...". */
  String line() {
    Map<String, Long> counts = new TreeMap<>(counters.snapshot());
    running.running().forEach((outcome, n) -> counts.merge(outcome, n, Long::sum));
    counts.values().removeIf(n -> n == 0);
    long doneNow = Math.min(total - doneBefore, counts.values().stream().mapToLong(Long::longValue).sum());
    long done = doneBefore + doneNow;
    double seconds = Math.max(0.001, (System.nanoTime() - startNanos) / 1e9);
    double rate = doneNow / seconds;
    String eta = rate > 0 ? clock((long) ((total - done) / rate)) : "?";
    double percent = total == 0 ? 100 : 100.0 * done / total;
    return String.format(Locale.ROOT, "progress: %d/%d domains (%.1f%%), %.0f/s, ETA %s | %s",
        done, total, percent, rate, eta, counts.isEmpty() ? "-" : counts.toString().replaceAll("[{}]", ""));
  }

  private static String clock(long seconds) {
    return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
  }

  @Override
  public void close() {
    stopped = true;
    thread.interrupt();
    context.removeSparkListener(running);
  }
}
