package org.mtastscensus.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Turns a {@link ChangeTally} into the rows of {@code changes} and {@code change_domains}. */
public final class ChangeTables {
  private ChangeTables() {}

  /** @param current the last scan given; its three scan columns label the rows */
  public static void addTo(StatsData data, ScanInfo current, ChangeTally tally) {
    data.declare(StatsTables.CHANGES);
    data.declare(StatsTables.CHANGE_DOMAINS);
    record Count(ChangeKind kind, String from, String to, long domains) {}
    List<Count> counts = new ArrayList<>();
    for (Map.Entry<String, Long> entry : tally.counts.entrySet()) {
      String[] key = entry.getKey().split("\\|");
      counts.add(new Count(ChangeKind.valueOf(key[0]), key[1], key[2], entry.getValue()));
    }
    counts.sort(Comparator.comparing(Count::kind).thenComparingLong(c -> -c.domains()).thenComparing(Count::from)
        .thenComparing(Count::to));
    for (Count count : counts) {
      List<Object> row = new ArrayList<>(current.key());
      row.addAll(List.of(count.kind().name(), count.from(), count.to(), count.domains()));
      data.add(StatsTables.CHANGES, row);
    }
    List<ChangeTally.ChangeDomain> domains = new ArrayList<>(tally.domains);
    domains.sort(Comparator.comparing(ChangeTally.ChangeDomain::kind).thenComparing(ChangeTally.ChangeDomain::domain));
    for (ChangeTally.ChangeDomain change : domains) {
      List<Object> row = new ArrayList<>(current.key());
      row.add(change.domain());
      row.add(change.kind().name());
      row.add(change.from());
      row.add(change.to());
      row.add(change.previousStsId());
      row.add(change.currentStsId());
      data.add(StatsTables.CHANGE_DOMAINS, row);
    }
  }
}
