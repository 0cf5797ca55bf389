package org.mtastscensus.fetch;

import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Turns the policy host into addresses. The fetcher never asks the operating system: its resolver reads hosts files
 * and search paths, caches on its own terms and blocks a thread per lookup, none of which a census can afford.
 * The project's dnsjava layer implements this; tests use {@link StaticAddressResolver}.
 */
@FunctionalInterface
public interface AddressResolver {
  /**
   * All A and AAAA addresses of {@code host}, in the order to try them. An empty list means the name has no
   * address; a failed future means the lookup itself failed.
   */
  CompletableFuture<List<InetAddress>> resolve(String host);
}
