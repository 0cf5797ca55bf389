package org.mtastscensus.input;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What happened to every entry of one input. Each entry read (a non-blank, non-comment line; for zones a logical
 * record or directive) ends in exactly one bucket, so {@code read == accepted + duplicates + optedOut +
 * malformedTotal + skippedTotal}. Serializable because the Spark job ships it from executors to the driver.
 */
public final class InputStats implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final int MAX_SAMPLES_PER_REASON = 5;
  public static final int MAX_SAMPLE_CHARS = 160;
  /** Record types are free text in a hostile file; a cap keeps the map, and memory, bounded. */
  static final int MAX_SKIP_KEYS = 64;
  static final String OTHER_TYPES = "OTHER";

  /** A line kept as evidence for a malformed reason. {@code line} is 1-based, as editors count. */
  public record Sample(long line, String text) implements Serializable {}

  private final String source;
  private final InputFormat format;
  private final String listId;
  private String container = "none";
  private String zoneApex;
  private long lines;
  private long read;
  private long accepted;
  private long duplicates;
  private long optedOut;
  private long dnssecSignedDelegations;
  private final Map<String, Long> malformed = new TreeMap<>();
  private final Map<String, List<Sample>> samples = new TreeMap<>();
  private final Map<String, Long> skipped = new TreeMap<>();

  InputStats(String source, InputFormat format, String listId) {
    this.source = source;
    this.format = format;
    this.listId = listId;
  }

  public String source() {
    return source;
  }

  public InputFormat format() {
    return format;
  }

  /** The caller's identifier for a top list (for example a Tranco list id), or null. */
  public String listId() {
    return listId;
  }

  /** {@code none}, {@code gzip} or {@code zip:<entry name>}. */
  public String container() {
    return container;
  }

  /** The zone apex the reader settled on (without trailing dot), or null for other formats or when unknown. */
  public String zoneApex() {
    return zoneApex;
  }

  /** Physical lines, including blank and comment lines. */
  public long lines() {
    return lines;
  }

  public long read() {
    return read;
  }

  public long accepted() {
    return accepted;
  }

  /** Entries equal to the entry accepted or opted out just before them (the NS lines of one delegation). */
  public long duplicates() {
    return duplicates;
  }

  public long optedOut() {
    return optedOut;
  }

  /**
   * Distinct consecutive DS owners: delegations with a DS record. Exact for CZDS files, where the records of an
   * owner are grouped; an ungrouped file overcounts, and the exact figure is then for the Spark job.
   */
  public long dnssecSignedDelegations() {
    return dnssecSignedDelegations;
  }

  /** Malformed entries per reason: a {@link org.mtastscensus.names.DomainName.Problem} or {@link InputProblem}. */
  public Map<String, Long> malformed() {
    return Collections.unmodifiableMap(malformed);
  }

  public long malformedTotal() {
    return malformed.values().stream().mapToLong(Long::longValue).sum();
  }

  public List<Sample> samples(String reason) {
    return Collections.unmodifiableList(samples.getOrDefault(reason, List.of()));
  }

  /** Zone records that are not delegations, per record type (and {@code APEX_NS}, {@code $ORIGIN}, {@code $TTL}). */
  public Map<String, Long> skipped() {
    return Collections.unmodifiableMap(skipped);
  }

  public long skippedTotal() {
    return skipped.values().stream().mapToLong(Long::longValue).sum();
  }

  void container(String container) {
    this.container = container;
  }

  void zoneApex(String apex) {
    this.zoneApex = apex;
  }

  void countLine() {
    lines++;
  }

  void countRead() {
    read++;
  }

  void countAccepted() {
    accepted++;
  }

  void countDuplicate() {
    duplicates++;
  }

  void countOptedOut() {
    optedOut++;
  }

  void countDnssecSignedDelegation() {
    dnssecSignedDelegations++;
  }

  void addMalformed(String reason, long line, String text) {
    malformed.merge(reason, 1L, Long::sum);
    List<Sample> kept = samples.computeIfAbsent(reason, r -> new ArrayList<>(MAX_SAMPLES_PER_REASON));
    if (kept.size() < MAX_SAMPLES_PER_REASON) {
      kept.add(new Sample(line, truncate(text)));
    }
  }

  void addSkipped(String type) {
    String key = skipped.containsKey(type) || skipped.size() < MAX_SKIP_KEYS ? type : OTHER_TYPES;
    skipped.merge(key, 1L, Long::sum);
  }

  private static String truncate(String text) {
    if (text == null) {
      return "";
    }
    return text.length() <= MAX_SAMPLE_CHARS ? text : text.substring(0, MAX_SAMPLE_CHARS) + "...";
  }

  @Override
  public String toString() {
    return "InputStats{source=" + source + ", format=" + format + (listId == null ? "" : ", listId=" + listId)
        + ", container=" + container + (zoneApex == null ? "" : ", apex=" + zoneApex) + ", lines=" + lines
        + ", read=" + read + ", accepted=" + accepted + ", duplicates=" + duplicates + ", optedOut=" + optedOut
        + ", malformed=" + malformed + ", skipped=" + skipped
        + (format == InputFormat.ZONE ? ", dnssecSignedDelegations=" + dnssecSignedDelegations : "") + "}";
  }
}
