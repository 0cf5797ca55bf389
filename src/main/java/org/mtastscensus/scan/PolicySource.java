package org.mtastscensus.scan;

import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.mtastscensus.fetch.PolicyFetch;

/**
 * The HTTPS side as the scanner sees it: fetch the policy of a domain from addresses the scanner already
 * resolved (so no lookup happens twice and the OS resolver is never involved). Never completes exceptionally.
 */
public interface PolicySource {
  CompletableFuture<PolicyFetch> fetch(String policyDomain, List<InetAddress> addresses);

  /**
   * As {@link #fetch(String, List)}, and runs {@code onSend} when the request leaves, once any local concurrency
   * permit was granted: until then a slow fetch is the scanner's own queue, not the policy host. Sources without
   * such queues send at once.
   */
  default CompletableFuture<PolicyFetch> fetch(String policyDomain, List<InetAddress> addresses, Runnable onSend) {
    onSend.run();
    return fetch(policyDomain, addresses);
  }
}
