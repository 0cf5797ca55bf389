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
}
