package org.mtastscensus.stats;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The comparison of two scans, built domain by domain and merged across partitions. The per-domain list holds
 * only real changes (no TRANSITION or NOT_COMPARABLE), so it grows with the adopters that changed, not the rows.
 */
public final class ChangeTally implements Serializable {
  private static final long serialVersionUID = 1L;

  /** One row of change_domains. */
  public record ChangeDomain(String domain, ChangeKind kind, String from, String to, String previousStsId,
      String currentStsId) implements Serializable {}

  /** Key "kind|from|to". */
  final Map<String, Long> counts = new HashMap<>();
  final List<ChangeDomain> domains = new ArrayList<>();

  /** Compares one domain; either side may be null (absent from that scan), not both. */
  public ChangeTally add(DomainState previous, DomainState current) {
    String from = DomainState.stateOf(previous);
    String to = DomainState.stateOf(current);
    String domain = previous != null ? previous.domain() : current.domain();
    for (ChangeKind kind : ChangeKind.of(previous, current)) {
      counts.merge(kind.name() + "|" + from + "|" + to, 1L, Long::sum);
      if (kind != ChangeKind.TRANSITION && kind != ChangeKind.NOT_COMPARABLE) {
        domains.add(new ChangeDomain(domain, kind, from, to, previous.stsId(), current.stsId()));
      }
    }
    return this;
  }

  public ChangeTally merge(ChangeTally other) {
    other.counts.forEach((k, v) -> counts.merge(k, v, Long::sum));
    domains.addAll(other.domains);
    return this;
  }
}
