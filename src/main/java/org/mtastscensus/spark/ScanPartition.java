package org.mtastscensus.spark;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.util.TaskCompletionListener;
import org.mtastscensus.scan.EngineOptions;
import org.mtastscensus.scan.ScanEngine;
import org.mtastscensus.scan.ScanResult;

/**
 * Scans one partition of domain names (rows of one string column) on an executor. The engine owns sockets and
 * threads, so it is built here from the serialised {@link EngineOptions} and closed when the task ends, whether
 * the rows were all consumed or the task failed.
 */
public final class ScanPartition implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;

  private final EngineOptions options;
  private final OutcomeCounters counters;

  public ScanPartition(EngineOptions options, OutcomeCounters counters) {
    this.options = options;
    this.counters = counters;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> input) {
    ScanEngine engine = new ScanEngine(options);
    AtomicBoolean closed = new AtomicBoolean();
    Runnable close = () -> {
      if (closed.compareAndSet(false, true)) {
        engine.close();
      }
    };
    TaskContext task = TaskContext.get();
    if (task != null) {
      task.addTaskCompletionListener((TaskCompletionListener) context -> close.run());
    }
    Iterator<ScanResult> results = engine.scan(new DomainColumn(input));
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        boolean more = results.hasNext();
        if (!more) {
          close.run();
        }
        return more;
      }

      @Override
      public Row next() {
        ScanResult result = results.next();
        counters.count(result.verdict().outcome().name());
        return SparkSchemas.toRow(result);
      }
    };
  }

  /** The names of the input rows; blank lines (none after the driver's normalisation) are skipped. */
  private static final class DomainColumn implements Iterator<String> {
    private final Iterator<Row> rows;
    private String next;

    DomainColumn(Iterator<Row> rows) {
      this.rows = rows;
    }

    @Override
    public boolean hasNext() {
      while (next == null && rows.hasNext()) {
        String value = rows.next().getString(0);
        if (value != null && !value.isBlank()) {
          next = value.strip();
        }
      }
      return next != null;
    }

    @Override
    public String next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      String out = next;
      next = null;
      return out;
    }
  }
}
