package org.mtastscensus.spark;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorMetricsUpdate;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import scala.Tuple4;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Accumulator values of tasks still running, from executor heartbeats. The driver merges an accumulator only when
 * its task ends; a partition of thousands of domains would make progress jump, so the reporter adds what the
 * running tasks have counted so far.
 */
final class RunningTaskCounts extends SparkListener {
  private final Map<Long, String> accumulatorIds;
  private final Map<Long, Map<String, Long>> byTask = new ConcurrentHashMap<>();

  RunningTaskCounts(Map<Long, String> accumulatorIds) {
    this.accumulatorIds = Map.copyOf(accumulatorIds);
  }

  @Override
  public void onExecutorMetricsUpdate(SparkListenerExecutorMetricsUpdate update) {
    for (Tuple4<Object, Object, Object, scala.collection.immutable.Seq<AccumulableInfo>> task
        : CollectionConverters.asJava(update.accumUpdates())) {
      long taskId = (Long) task._1();
      Map<String, Long> counts = new ConcurrentHashMap<>();
      for (AccumulableInfo info : CollectionConverters.asJava(task._4())) {
        String outcome = accumulatorIds.get(info.id());
        if (outcome != null && info.update().isDefined() && info.update().get() instanceof Long value) {
          counts.put(outcome, value);
        }
      }
      if (!counts.isEmpty()) {
        byTask.put(taskId, counts);
      }
    }
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd end) {
    byTask.remove(end.taskInfo().taskId());
  }

  /** Per outcome, the sum over running tasks. */
  Map<String, Long> running() {
    Map<String, Long> sum = new ConcurrentHashMap<>();
    byTask.values().forEach(counts -> counts.forEach((outcome, n) -> sum.merge(outcome, n, Long::sum)));
    return sum;
  }
}
