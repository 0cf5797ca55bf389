package org.mtastscensus.scan;

import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.mtastscensus.fetch.FetchConfig;
import org.mtastscensus.fetch.PolicyFetch;
import org.mtastscensus.fetch.PolicyFetcher;

/**
 * Feeds the policy fetcher the addresses the scanner has already looked up, so that the policy host is resolved
 * once, by the project's DNS layer, and the evidence and the connection agree on the addresses.
 */
public final class ResolvedPolicySource implements PolicySource, AutoCloseable {
  private final Map<String, List<InetAddress>> known = new ConcurrentHashMap<>();
  private final PolicyFetcher fetcher;

  public ResolvedPolicySource(FetchConfig config) {
    fetcher = new PolicyFetcher(config,
        host -> CompletableFuture.completedFuture(known.getOrDefault(host.toLowerCase(Locale.ROOT), List.of())));
  }

  @Override
  public CompletableFuture<PolicyFetch> fetch(String policyDomain, List<InetAddress> addresses) {
    return fetch(policyDomain, addresses, () -> { });
  }

  @Override
  public CompletableFuture<PolicyFetch> fetch(String policyDomain, List<InetAddress> addresses, Runnable onSend) {
    String host = "mta-sts." + policyDomain;
    known.put(host, List.copyOf(addresses));
    return fetcher.fetch(policyDomain, onSend).whenComplete((result, failure) -> known.remove(host));
  }

  @Override
  public void close() {
    fetcher.close();
  }
}
