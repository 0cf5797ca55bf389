package org.mtastscensus.scan;

import java.util.concurrent.CompletableFuture;
import org.mtastscensus.dns.DnsAnswer;

/**
 * The DNS layer as the scanner sees it: one query, one classified answer. Implementations never complete
 * exceptionally: failures are answers with a failed {@link org.mtastscensus.dns.DnsStatus}.
 */
public interface DnsLookup {
  /**
   * @param name the query name, lower case, no trailing dot
   * @param type a dnsjava {@code org.xbill.DNS.Type} constant (TXT, MX, A, AAAA)
   */
  CompletableFuture<DnsAnswer> query(String name, int type);
}
