package org.mtastscensus.input;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts of what happened to the input lines of a run, as written into {@code _run.json}: names read, malformed
 * lines per reason (with the first few samples, so a bad input can be diagnosed without the file), duplicates and
 * opted-out names.
 */
public final class InputTally {
  /** Samples kept per malformed reason: enough to recognise the problem, bounded for hostile inputs. */
  public static final int SAMPLES_PER_REASON = 5;
  /** Long lines are cut in samples so that the metadata file stays small. */
  static final int SAMPLE_MAX_CHARS = 120;

  private long read;
  private long duplicates;
  private long optedOut;
  private long accepted;
  private final Map<String, Long> malformed = new TreeMap<>();
  private final Map<String, List<String>> samples = new TreeMap<>();
  private final Map<String, Long> skipped = new TreeMap<>();

  void read() {
    read++;
  }

  void malformed(String reason, String line) {
    malformed.merge(reason, 1L, Long::sum);
    List<String> kept = samples.computeIfAbsent(reason, r -> new ArrayList<>());
    if (kept.size() < SAMPLES_PER_REASON) {
      kept.add(line.length() > SAMPLE_MAX_CHARS ? line.substring(0, SAMPLE_MAX_CHARS) + "..." : line);
    }
  }

  void readMore(long count) {
    read += count;
  }

  /** Malformed entries counted by another reader, with its samples. */
  void malformed(String reason, long count, List<String> lines) {
    malformed.merge(reason, count, Long::sum);
    List<String> kept = samples.computeIfAbsent(reason, r -> new ArrayList<>());
    for (String line : lines) {
      if (kept.size() < SAMPLES_PER_REASON) {
        kept.add(line.length() > SAMPLE_MAX_CHARS ? line.substring(0, SAMPLE_MAX_CHARS) + "..." : line);
      }
    }
  }

  /** Entries a reader dropped as repeats of the entry before (the NS lines of one zone delegation). */
  void duplicates(long count) {
    duplicates += count;
  }

  /** Zone records that are not delegations, per record type. */
  void skipped(String what, long count) {
    skipped.merge(what, count, Long::sum);
  }

  void duplicate() {
    duplicates++;
  }

  void optedOut() {
    optedOut++;
  }

  void accepted() {
    accepted++;
  }

  public long linesRead() {
    return read;
  }

  public long malformedTotal() {
    return malformed.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Zone records read that are not delegations (SOA, A, DS, ...): read, but never names. */
  public long skippedTotal() {
    return skipped.values().stream().mapToLong(Long::longValue).sum();
  }

  public long duplicates() {
    return duplicates;
  }

  public long optedOutCount() {
    return optedOut;
  }

  /** Distinct valid names that will be scanned. */
  public long acceptedCount() {
    return accepted;
  }

  /** The tally as plain maps and numbers, ready for JSON. */
  public Map<String, Object> toMap() {
    Map<String, Object> byReason = new LinkedHashMap<>();
    malformed.forEach((reason, count) -> {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("count", count);
      entry.put("samples", samples.getOrDefault(reason, List.of()));
      byReason.put(reason, entry);
    });
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("read", read);
    out.put("malformed", malformedTotal());
    out.put("malformed_by_reason", byReason);
    out.put("duplicate", duplicates);
    out.put("opted_out", optedOut);
    out.put("accepted", accepted);
    out.put("skipped_records", new TreeMap<>(skipped));
    return out;
  }
}
